"""What the journal says of a mail the relay did not take (consent/core/delivery.py): the relay
by host and port and the reason, as the start's check says it (emalu.I001). It said «mail #3 not
delivered: ConnectionRefusedError», naming neither which relay nor why, and never an address
the relay's reply may echo."""

import logging

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


def through(settings, port):
    settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
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
