"""gunicorn serving the site with production settings, and plain HTTP to it."""

import http.client
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress

import pytest

from .base import PYTHON, ROOT, free_port, site_env
from .database import live_database, shared


@contextmanager
def gunicorn(url, tmp_path, workers=1, **extra_env):
    """gunicorn -c emalu/gunicorn.py, production settings, a free port; yields (port, proc).

    One worker unless the test is about several: each worker starts Django on its own, ~0.75 s of
    CPU that a test serving one browser or one client at a time would only wait for.

    Static files are the session's, collected once (`collectstatic` as a deployment runs it)."""
    static_root = shared.static()
    # The listening socket is made here and handed over (gunicorn's fd://): were gunicorn to
    # bind a port itself and find it taken, it would retry quietly while another test's server
    # answered the health check below.
    listener = socket.create_server(("127.0.0.1", free_port()), backlog=2048)
    port = listener.getsockname()[1]
    env = site_env(
        url,
        **{
            "STATIC_ROOT": str(static_root),  # unless the test gives a host its own
            "MEDIA_ROOT": str(tmp_path / "media"),
            "GUNICORN_BIND": f"fd://{listener.fileno()}",
            "GUNICORN_WORKERS": str(workers),
            "SITE_URL": f"http://127.0.0.1:{port}",
            **extra_env,
        },
    )
    proc = subprocess.Popen(
        [PYTHON.parent / "gunicorn", "-c", "emalu/gunicorn.py", "emalu.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group of its own: the master and its workers
        pass_fds=[listener.fileno()],
    )
    listener.close()  # gunicorn holds it now
    proc.env = env  # for commands that must share the served site's settings
    # Its output is read as it comes: the site writes a line per request, and a full pipe would
    # stall every worker. `proc.stop()` ends it and returns all it wrote.
    lines = []

    def read():
        for line in proc.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def stop():
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(timeout=10)
        return "".join(lines)

    proc.stop = stop
    proc.lines = lines  # what it has written so far, for a test waiting on a line of its own
    try:
        for _ in range(300):
            with suppress(OSError):
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            if proc.poll() is not None:
                reader.join(timeout=10)
                raise RuntimeError(f"gunicorn exited: {''.join(lines)}")
            time.sleep(0.05)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port, proc
    finally:
        # Killed, not stopped gracefully (which takes a second with four workers): nothing is
        # checked after the test, and its database goes with WITH (FORCE).
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        reader.join(timeout=10)
        proc.stdout.close()


def request(port, method, path, body=None, headers=None):
    """One HTTP request on loopback: (status, headers dict, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


class FormSession(tuple):
    """(cookie header, csrf token, form token); `shown`, the page's hidden words shown
    (`texts_shown`), which a browser posts with the form as it posts the tokens."""

    shown = ""


def form_session(port, path):
    """GET a form like a browser: (cookie header, csrf token, form token), and its `shown`."""
    status, headers, body = request(port, "GET", path)
    assert status == 200, status
    cookies = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") or [])
    html = body.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    session = FormSession((cookies, csrf, token))
    session.shown = words_shown(html)
    return session


def words_shown(html):
    """The `texts_shown` a page posts with its consent boxes or button ("" for none)."""
    shown = re.search(r'name="texts_shown" value="([^"]*)"', html)
    return shown.group(1) if shown else ""


FAST = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100000/60"}  # a load, not a person


def post_contact(port, session, email, full=False):
    """POST the contact form of `session` (from form_session); the status, or the response."""
    cookies, csrf, token = session
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "texts_shown": session.shown,
            "full_name": "Әсел Қасымова",
            "email": email,
            "phone": "8 701 123 45 67",
            "message": "Сәлем",
            "consent_service": "on",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies}
    response = request(port, "POST", "/kk/contact/", body, headers)
    return response if full else response[0]


def concurrent_posts(port, n=200, prefix="load", threads=50):
    """`n` visitors open the contact form, then all send it at once, `threads` at a time, each
    from `{prefix}{i}@example.kz`: (their statuses, the seconds the posts took)."""
    sessions = [form_session(port, "/kk/contact/") for _ in range(n)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        statuses = list(
            pool.map(lambda i: post_contact(port, sessions[i], f"{prefix}{i}@example.kz"), range(n))
        )
    return statuses, time.monotonic() - started


@pytest.fixture(scope="module")
def banner_site(django_db_blocker, tmp_path_factory):
    """The served site (a module's own) with analytics configured, so that the cookie banner is
    on every page and its panel on the cookie settings page; forms take a post at once and
    many from one address. A module that imports it has the database template and the static
    files built ahead (tests/conftest.py)."""
    env = {
        "FORM_MIN_FILL_SECONDS": "0",
        "FORM_RATE_LIMIT": "100/60",
        "GA_MEASUREMENT_ID": "G-TEST1",
    }
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("banner-site"), **env) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}"
