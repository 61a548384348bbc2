"""Compliance T13: with the database gone a form answers 503 with Retry-After in the
visitor's language, quickly; pages that need no database still work; after it is back the first
post succeeds and nothing half-written remains. The journal says, in one ERROR line a request,
that the database could not be reached, where it was looked for and why (it said only «Service
Unavailable: /kk/contact/», the same line as for Redis down)."""

import json

import pytest
from django.db import connection

from tests.live import (
    FAST,
    TcpProxy,
    form_session,
    gunicorn,
    live_database,
    post_contact,
    query,
    request,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db]


def test_database_down_and_back(django_db_setup, django_db_blocker, tmp_path):
    with django_db_blocker.unblock(), live_database() as url:
        proxy = TcpProxy(int(connection.settings_dict["PORT"] or 5432)).start()
        site_url = url.replace(f":{connection.settings_dict['PORT']}/", f":{proxy.port}/")
        with gunicorn(site_url, tmp_path, **FAST) as (port, server):
            session = form_session(port, "/kk/contact/")
            proxy.stop()
            status, headers, body = post_contact(port, session, "down@example.kz", full=True)
            assert status == 503 and headers["Retry-After"] == "30"
            assert '<html lang="kk">' in body.decode()
            assert "Traceback" not in body.decode()
            assert request(port, "GET", "/robots.txt")[0] == 200
            assert request(port, "GET", "/healthz")[0] == 503

            proxy = TcpProxy(proxy.target_port, proxy.port).start()
            session = form_session(port, "/kk/contact/")
            assert post_contact(port, session, "back@example.kz") == 302
            lines = [json.loads(line) for line in server.stop().splitlines() if line[:1] == "{"]
        rows = query(url, "SELECT data->>'email' FROM consent_submission")
        assert rows == [("back@example.kz",)]
        proxy.stop()
    down = [line["message"] for line in lines if line["level"] == "ERROR"]
    where = f"the database could not be reached at 127.0.0.1:{proxy.port} (OperationalError: "
    assert down[0].startswith(where) and down[0].endswith("): /kk/contact/"), down
    assert not any(line.startswith("Service Unavailable") for line in down), down
    assert "exception" not in json.dumps(lines)  # no traceback, nor a mail of one
