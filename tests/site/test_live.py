"""The site as operators run it: collectstatic, then gunicorn with the production settings."""

import json
import time

import pytest

from tests.live import gunicorn, live_database, request

pytestmark = [pytest.mark.live, pytest.mark.django_db]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("live"), workers=2) as (port, proc),
    ):
        yield port, proc


def test_served_site_answers_health_and_pages(server):
    port, _ = server
    status, _, body = request(port, "GET", "/healthz")
    assert (status, json.loads(body)["failing"]) == (200, [])
    status, _, body = request(port, "GET", "/kk/privacy/")
    assert status == 200
    assert "Жеке деректерді өңдеуге қатысты саясат" in body.decode()


def test_static_files_are_hashed_and_compressed(server):
    port, _ = server
    _, _, html = request(port, "GET", "/kk/")
    css = next(part.split('"')[0] for part in html.decode().split('href="') if ".css" in part[:80])
    assert css.startswith("/static/css/site.") and css != "/static/css/site.css"
    status, headers, _ = request(port, "GET", css, headers={"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") in ("br", "gzip")
    assert "immutable" in headers.get("Cache-Control", "")


def test_access_log_goes_to_stdout_without_query_strings(server):
    """Read from the shared server's output as it comes (proc.lines), not after stopping a
    server of the test's own: its start's lines, both workers' boots among them, are there
    before any request, and the request's line once it is answered."""
    port, proc = server
    _, headers, _ = request(port, "GET", "/kk/no-such-page/?email=someone@example.kz")
    for _ in range(400):
        out = "".join(proc.lines)
        if headers["X-Request-ID"] in out:
            break
        time.sleep(0.05)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(lines) == len(out.splitlines())  # every line JSON, gunicorn's own included
    assert sum("Booting worker" in x.get("message", "") for x in lines) == 2, out
    line = next(x for x in lines if x.get("path") == "/kk/no-such-page/")
    assert (line["method"], line["status"], line["logger"]) == ("GET", 404, "emalu.request")
    assert line["request_id"] == headers["X-Request-ID"]
    assert "someone@example.kz" not in out and "email=" not in out
