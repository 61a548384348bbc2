"""The site as operators run it: collectstatic, then gunicorn with the production settings."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.live, pytest.mark.django_db]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn on the test database, production settings, static files collected."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    static_root = tmp_path_factory.mktemp("static")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emalu.settings",
        "DEBUG": "0",
        "SECRET_KEY": "live-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "STATIC_ROOT": str(static_root),
        "SECURE_SSL_REDIRECT": "false",
        "OPERATOR_BIN": "123456789012",
        "RESPONSIBLE_PERSON": "Live Test",
        "RESPONSIBLE_CONTACT": "dpo@example.kz",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    python = Path(sys.executable)
    subprocess.run(
        [python, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    proc = subprocess.Popen(
        [python.parent / "gunicorn", "-c", "emalu/gunicorn.py", "emalu.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if get(f"{base}/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail(proc.stdout.read())
    yield base, proc
    proc.terminate()
    proc.wait(timeout=10)


def test_served_site_answers_health_and_pages(gunicorn):
    base, _ = gunicorn
    status, _, body = get(f"{base}/healthz")
    assert (status, body) == (200, b'{"status": "ok", "database": "ok"}')
    status, _, body = get(f"{base}/kk/privacy/")
    assert status == 200
    assert "Жеке деректерді өңдеуге қатысты саясат" in body.decode()


def test_static_files_are_hashed_and_compressed(gunicorn):
    base, _ = gunicorn
    _, _, html = get(f"{base}/kk/")
    css = next(part.split('"')[0] for part in html.decode().split('href="') if ".css" in part[:80])
    assert css.startswith("/static/css/site.") and css != "/static/css/site.css"
    status, headers, _ = get(base + css, {"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") in ("br", "gzip")
    assert "immutable" in headers.get("Cache-Control", "")


def test_access_log_goes_to_stdout(gunicorn):
    base, proc = gunicorn
    get(f"{base}/kk/about/?email=someone@example.kz")
    proc.terminate()
    out = proc.communicate(timeout=10)[0]
    assert '"GET /kk/about/ HTTP/1.1" 404' in out
    assert "someone@example.kz" not in out  # query strings stay out of the log
