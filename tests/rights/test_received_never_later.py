"""A request, or a letter set aside, is never received after now: whoever hands the time of
receipt in (the mailbox's INTERNALDATE, our MTA's stamp, an officer typing when a letter came)
may have a clock ahead of ours, and a receipt an hour ahead at 23:30 moved the due date a
working day later than the law's. The rule has one home, where the row is made."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from consent.rights.keys import message_key
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.quarantine import quarantine_record
from consent.rights.tickets import ticket_open

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime(2026, 12, 1, 23, 30, tzinfo=ALMATY)  # a Tuesday
AHEAD = NOW + timedelta(hours=1)  # Wednesday by that clock

pytestmark = pytest.mark.django_db


def test_a_request_received_by_a_clock_ahead_is_received_now(person, time_machine):
    time_machine.move_to(NOW, tick=False)
    ticket = ticket_open(kind=Ticket.Type.CORRECT, email=person.email, language="kk",
                         channel=Ticket.Channel.EMAIL, received_at=AHEAD)  # fmt: skip
    ticket.refresh_from_db()
    on_time = ticket_open(kind=Ticket.Type.CORRECT, email="other@example.kz", language="kk",
                          channel=Ticket.Channel.EMAIL)  # fmt: skip
    assert ticket.received_at == NOW
    assert ticket.due_date == on_time.due_date


def test_a_letter_set_aside_by_a_clock_ahead_is_received_now(time_machine):
    time_machine.move_to(NOW, tick=False)
    raw = b"From: a@example.kz\r\nMessage-ID: <ahead@x>\r\n\r\nhello\r\n"
    quarantine_record(raw, reason=QuarantinedMessage.Reason.AUTOMATED, key=message_key(raw),
                      received_at=AHEAD)  # fmt: skip
    assert QuarantinedMessage.objects.get().received_at == NOW
