"""What the journal says of a mail the relay did not take (consent/core/delivery.py): the relay
by host and port and the reason, as the start's check says it (emalu.I001). It said «mail #3 not
delivered: ConnectionRefusedError», naming neither which relay nor why, and never an address
the relay's reply may echo."""

import logging
import socket

import environ
import pytest
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from emalu.mailers import mailers
from tests.live import free_port, smtp_relay

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued():
    return Email.objects.create(to=["asel@example.kz"], from_email="noreply@emaluplus-vko.kz",
                                subject="Сәлем", message="Сәлем", status=STATUS.queued)  # fmt: skip


def said(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "consent.core.delivery"]


def through(settings, port, timeout=None):
    settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
    if timeout:  # production's 20 s (emalu/mailers.py), shortened
        settings.MAILERS["default"]["OPTIONS"]["timeout"] = timeout
    return send_queued()


def test_a_relay_that_is_not_there_is_named_with_the_reason(queued, settings, caplog):
    port = free_port()  # nothing listens there
    with caplog.at_level(logging.WARNING, "consent.core.delivery"):
        assert through(settings, port) == (0, 1)
    assert said(caplog) == [
        f"mail #{queued.pk} not delivered: ConnectionRefusedError: the relay at 127.0.0.1:{port}: "
        "Connection refused"
    ]


class Refusing:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"


def test_a_refused_recipient_is_said_by_its_code_not_its_address(queued, settings, caplog):
    with smtp_relay(Refusing()) as (_relay, port), caplog.at_level(logging.WARNING):
        assert through(settings, port) == (0, 1)
    [line] = said(caplog)
    assert line == (f"mail #{queued.pk} not delivered: SMTPRecipientsRefused: the relay at "
                    f"127.0.0.1:{port} refused the recipient (550)")  # fmt: skip
    assert "asel" not in line
    queued.refresh_from_db()
    assert queued.status == STATUS.requeued  # not a campaign's: tried again


def test_a_relay_that_never_answers_costs_a_run_one_timeout_not_one_a_mail(
    queued, settings, caplog
):
    """A relay that drops packets: each due mail waited out the 20 s timeout in turn, a run of
    100 mails 33 minutes, its batch locked all the while, and each counted a retry. The first
    timeout ends the run now: the other mails are not tried, stay due as they were (no retry
    counted), and the journal says so; the next run tries the relay again."""
    others = [Email.objects.create(to=[f"zq{n}@example.kz"], from_email=queued.from_email,
                                   subject="Сәлем", message="Сәлем", status=STATUS.queued)
              for n in range(2)]  # fmt: skip
    with (
        socket.create_server(("127.0.0.1", 0), backlog=0) as silent,
        caplog.at_level(logging.WARNING, "consent.core.delivery"),
    ):  # it takes the connection and never says a word (no greeting)
        port = silent.getsockname()[1]
        assert through(settings, port, timeout=0.2) == (0, 3)
    first, *rest = said(caplog)
    assert first.startswith(f"mail #{queued.pk} not delivered: SMTPServerDisconnected: the "
                            f"relay at 127.0.0.1:{port}: ")  # fmt: skip
    assert rest == [
        "the relay did not answer, refused the site or dropped two connections in a row "
        "(above): this run stops, the other mails "
        "of its batch untried (2); every mail due stays due, and the next run tries the relay "
        "again"
    ]  # fmt: skip
    queued.refresh_from_db()
    assert (queued.status, queued.number_of_retries) == (STATUS.requeued, 1)
    untried = Email.objects.filter(pk__in=[e.pk for e in others])
    assert {(e.status, e.number_of_retries or 0) for e in untried} == {(STATUS.queued, 0)}
