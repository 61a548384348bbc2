"""Compliance T15: a dead mail server delays mail and loses none.

Real parts: gunicorn takes the forms, `manage.py send_queued_mail` runs as the systemd timer
would, and aiosmtpd is the mail server on loopback.
"""

import os
import subprocess
import time

import pytest
from post_office.models import STATUS

from tests.live import (
    FAST,
    PYTHON,
    ROOT,
    form_session,
    free_port,
    gunicorn,
    live_database,
    post_contact,
    query,
    smtp_relay,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db]


def send_queued_mail(url, port, status=0):
    """Run the sender as its unit does; `status`, the exit status it must end with (1: the relay
    refused and nothing went, tests/core/test_relay_refused.py)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url,
           "EMAIL_URL": f"smtp://127.0.0.1:{port}", "MAIL_RETRY_SECONDS": "1"}  # fmt: skip
    done = subprocess.run(
        [PYTHON, "manage.py", "send_queued_mail", "--processes", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == status, done.stderr


def statuses(url):
    return dict(query(url, "SELECT status, count(*) FROM post_office_email GROUP BY status"))


def test_mail_survives_a_dead_smtp_server(django_db_setup, django_db_blocker, tmp_path):
    smtp_port = free_port()
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, **FAST) as (port, _),
    ):
        for i in range(10):
            session = form_session(port, "/kk/contact/")
            assert post_contact(port, session, f"t15-{i}@example.kz") == 302
        assert statuses(url) == {STATUS.queued: 20}  # 10 acknowledgements, 10 staff notices

        send_queued_mail(url, smtp_port, status=1)  # nothing listens on the port
        # None lost: the first mail's failure logged and requeued, and the run ended there
        # (consent/core/relay.py::relay_unreachable), the others still queued, untried.
        assert statuses(url) == {STATUS.requeued: 1, STATUS.queued: 19}
        failures = f"SELECT count(*) FROM post_office_log WHERE status = {STATUS.failed}"
        assert query(url, failures)[0][0] == 1

        with smtp_relay(port=smtp_port) as (inbox, _):  # now something listens there
            time.sleep(1.2)  # the retry is due
            send_queued_mail(url, smtp_port)
            send_queued_mail(url, smtp_port)  # a second run sends nothing again
        assert statuses(url) == {STATUS.sent: 20}

    assert len(inbox.messages) == 20
    assert len({m["Message-ID"] for m in inbox.messages}) == 20  # no duplicates
    acks = sorted(m["To"] for m in inbox.messages if m["To"].startswith("t15-"))
    assert acks == sorted(f"t15-{i}@example.kz" for i in range(10))
    ack = next(m for m in inbox.messages if m["To"] == "t15-3@example.kz")
    plain, html = ack.get_payload()
    assert "Сәлеметсіз бе" in plain.get_payload(decode=True).decode()
    assert html.get_content_type() == "text/html"
