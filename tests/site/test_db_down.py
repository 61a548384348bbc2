"""Compliance T13: with the database gone a form answers 503 with Retry-After in the
visitor's language, quickly; pages that need no database still work; after it is back the first
post succeeds and nothing half-written remains."""

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
        with gunicorn(site_url, tmp_path, **FAST) as (port, _):
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
        rows = query(url, "SELECT data->>'email' FROM consent_submission")
        assert rows == [("back@example.kz",)]
        proxy.stop()
