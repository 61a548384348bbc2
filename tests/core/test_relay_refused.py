"""A relay that refuses: the sender's run that sent nothing because of it fails where the operator
looks (exit status 1, so `systemctl --failed` lists emalu-mail.service), with one line naming the
relay; it exited 0 with «sent 0, not sent 5», and only /healthz said so half an hour on. What it
did is recorded first: once the relay takes mail again, each mail goes, once.

Real parts: the outbox in PostgreSQL, `manage.py send_queued_mail` as the unit starts it, and
aiosmtpd on loopback (or nothing listening on the relay's port)."""

import os
import socket
import subprocess
import threading
from collections import Counter
from contextlib import contextmanager, nullcontext

import pytest
from post_office.models import STATUS

from tests.core.test_senders import QUEUE, statuses
from tests.live import PYTHON, ROOT, Inbox, free_port, live_database, query, smtp_relay

pytestmark = [pytest.mark.live, pytest.mark.django_db]


def send_queued_mail(url, port):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url,
           "EMAIL_URL": f"smtp://127.0.0.1:{port}", "MAIL_RETRY_SECONDS": "0"}  # fmt: skip
    command = [PYTHON, "manage.py", "send_queued_mail", "--processes", "1"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


class Refusing(Inbox):
    """A relay that takes mail from nobody but its own network: every recipient refused."""

    def __init__(self, reply="554 5.7.1 Relay access denied"):
        super().__init__()
        self.reply = reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return self.reply


class RefusingTheSender(Inbox):
    """A relay that takes no mail from the site's address (its SPF or its signed-in user's own
    addresses only): the sender refused, whatever the recipient."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        return "553 5.7.1 Sender address rejected: not owned by user"


class Dropping(Inbox):
    """A relay that greets, then drops every session when told the sender (a relay restarting
    its filters, a proxy in front of a dead one): smtplib's «Connection unexpectedly closed»."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        server.transport.abort()
        return "421 going away"


@contextmanager
def closing_at_once(port):
    """Something on the relay's port that takes each connection and closes it unanswered."""
    with socket.create_server(("127.0.0.1", port)) as listener:

        def serve():
            while True:
                try:
                    listener.accept()[0].close()
                except OSError:  # the listener closed: the test is over
                    return

        threading.Thread(target=serve, daemon=True).start()
        yield
        listener.shutdown(socket.SHUT_RDWR)


RELAYS = {
    "nothing listening": lambda port: nullcontext(),
    "refusing every mail": lambda port: smtp_relay(Refusing(), port=port),
    "refusing the sender": lambda port: smtp_relay(RefusingTheSender(), port=port),
    "dropping every session": lambda port: smtp_relay(Dropping(), port=port),
    "closing every connection": closing_at_once,
}


@pytest.mark.parametrize("relay", RELAYS)
def test_a_run_the_relay_refused_fails_with_one_line_and_loses_no_mail(relay, django_db_blocker):
    """A relay that takes the connection and drops the session (the last two) exited 0 with
    «sent 0, not sent 5», each mail tried and a retry counted: a day of it and every mail was
    given up on unseen. Two drops or two recipients refused for the relay's own reasons in a
    row end the run, as a relay not reached or refusing the site's sender address does."""
    port = free_port()
    refusing = RELAYS[relay](port)
    with django_db_blocker.unblock(), live_database() as url:
        with refusing:
            done = send_queued_mail(url, port)  # nothing due: nothing refused
            assert done.returncode == 0 and done.stdout.strip() == "sent 0, not sent 0"
            query(url, QUEUE % 5)
            done = send_queued_mail(url, port)
        assert done.returncode == 1, done.stdout + done.stderr
        last = done.stderr.strip().splitlines()[-1]
        assert last.startswith("send_queued_mail: sent 0, not sent 5: "), done.stderr
        assert f"the relay at 127.0.0.1:{port}" in last and "Traceback" not in done.stderr
        assert STATUS.failed not in statuses(url) and STATUS.sent not in statuses(url)
        # The rest untried, no retry of theirs spent: a relay refusing every recipient («554
        # 5.7.1 Relay access denied») had each mail tried, a retry spent on each, every run.
        retries = query(url, "SELECT sum(number_of_retries) FROM post_office_email")[0][0]
        assert retries <= 2, retries
        with smtp_relay(port=port) as (inbox, _):  # the relay takes mail again
            done = send_queued_mail(url, port)
        assert done.returncode == 0 and done.stdout.strip() == "sent 5, not sent 0", done.stderr
        assert statuses(url) == {STATUS.sent: 5}
    counts = Counter(m["Message-ID"] for m in inbox.messages)
    assert len(counts) == 5 and set(counts.values()) == {1}  # each once


def test_a_run_that_sent_nothing_for_the_addresses_alone_does_not_fail(django_db_blocker):
    """The relay works and refuses the one address due («no such mailbox»): the mail's own
    fault, retried as before; the sender's unit does not fail for it every ten minutes."""
    with (
        smtp_relay(Refusing("550 5.1.1 User unknown")) as (_, port),
        django_db_blocker.unblock(),
        live_database() as url,
    ):
        query(url, QUEUE % 1)
        done = send_queued_mail(url, port)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "sent 0, not sent 1"
        assert statuses(url) == {STATUS.requeued: 1}
