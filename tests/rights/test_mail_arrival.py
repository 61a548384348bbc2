"""Compliance L8: an emailed request is received when it reached the requests mailbox, not when
the intake got round to reading it (every 5 minutes; later while the mailbox or the site was
down). The mailbox's own arrival time (IMAP INTERNALDATE, written by the server on delivery,
never by the sender) starts the deadline, on a real Dovecot. (Dovecot takes no arrival after its
own clock: the arrivals here are past dates.)"""

import imaplib
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.tickets import ticket_open_from_quarantine
from tests.rights.conftest import BAD_MESSAGES, message
from tests.rights.test_intake import stdin

ALMATY = ZoneInfo("Asia/Almaty")


def deliver_at(client, raw, moment):
    """Deliver `raw` as the mail server would have at `moment` (its INTERNALDATE)."""
    client.append("INBOX", None, imaplib.Time2Internaldate(moment), raw)


@pytest.mark.live
def test_a_letter_in_the_mailbox_before_midnight_is_received_that_day(
    mailbox, person, time_machine
):
    """Thursday 19 March 2026, 23:58 in Almaty: a request to correct (1 working day) reaches
    the mailbox; the intake reads it at 00:03, on Friday 20 March, the eve of Nauryz. Received
    on Thursday it is due on Friday 20; taken as received on Friday it was due on Thursday
    26 March, after the holidays: six days more than the law gives."""
    arrived = datetime(2026, 3, 19, 23, 58, tzinfo=ALMATY)
    deliver_at(mailbox, message("Жеке деректерді жаңарту", message_id="<eve@x>"), arrived)
    time_machine.move_to(datetime(2026, 3, 20, 0, 3, tzinfo=ALMATY), tick=False)
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert ticket.received_at == arrived
    assert ticket.due_date == date(2026, 3, 20)


@pytest.mark.live
def test_a_letter_read_after_an_outage_is_due_from_its_arrival(mailbox, person, time_machine):
    """The mailbox could not be read from Friday 27 November 2026 to Monday 30 (a password
    changed, a certificate expired): what arrived on Friday, a request and a letter set aside,
    is received on Friday, and the request the officer opens from the one set aside too."""
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=ALMATY)
    deliver_at(mailbox, message("Отзыв согласия", message_id="<fri@x>"), friday)
    unreadable, _ = BAD_MESSAGES["from is no address"]
    deliver_at(mailbox, unreadable, friday)
    time_machine.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=ALMATY), tick=False)
    call_command("fetch_request_mail")
    withdrawal = Ticket.objects.get()
    assert withdrawal.received_at == friday
    # 15 working days from Friday (Independence Day, Wednesday 16 December, not counted): Monday
    # 21 December; from Monday, the day it was read, Tuesday 22.
    assert withdrawal.type == Ticket.Type.WITHDRAW and withdrawal.due_date == date(2026, 12, 21)
    entry = QuarantinedMessage.objects.get()
    assert entry.received_at == friday
    opened = ticket_open_from_quarantine(
        entry, kind=Ticket.Type.CORRECT, email="asel@example.kz", language="kk", actor=None
    )
    assert opened.received_at == friday and opened.due_date == date(2026, 11, 30)


@pytest.mark.live
def test_a_mailbox_clock_ahead_of_ours_does_not_move_receipt_into_the_future(
    mailbox, person, time_machine
):
    """A server whose clock runs ahead writes a later arrival than our own clock's now: the
    request is received now, never after it was read."""
    now = datetime(2026, 12, 1, 23, 50, tzinfo=ALMATY)  # a Tuesday
    deliver_at(mailbox, message("Жеке деректерді жаңарту", message_id="<ahead@x>"),
               datetime(2026, 12, 2, 0, 20, tzinfo=ALMATY))  # fmt: skip
    time_machine.move_to(now, tick=False)
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert ticket.received_at == now and ticket.due_date == date(2026, 12, 2)


def by_our_mta(raw, stamp):
    """`raw` as our MTA hands it to the pipe: its own Received field on top, stamped when it
    took the message, above the sender's (which the sender may write as they like)."""
    return (
        f"Received: from mail.example.kz (mail.example.kz [192.0.2.7])\r\n\tby "
        f"mx.emaluplus-vko.kz (Postfix) with ESMTPS id 4Q1x2y3z; {stamp}\r\n"
        "Received: from [10.0.0.2] by mail.example.kz; Mon, 1 Jan 2024 08:00:00 +0500\r\n"
    ).encode() + raw


@pytest.mark.parametrize(
    "stamp,received",
    [
        # The database was down from Friday 27 November 2026 to Monday 30: our MTA kept the
        # letter it took on Friday and piped it again on Monday. Received on Friday.
        ("Fri, 27 Nov 2026 10:00:00 +0500", datetime(2026, 11, 27, 10, tzinfo=ALMATY)),
        # A stamp after now, or older than an MTA keeps a letter (5 days), is no arrival of
        # ours: received now.
        ("Mon, 30 Nov 2026 12:00:00 +0500", datetime(2026, 11, 30, 9, tzinfo=ALMATY)),
        ("Mon, 16 Nov 2026 10:00:00 +0500", datetime(2026, 11, 30, 9, tzinfo=ALMATY)),
        ("not a date", datetime(2026, 11, 30, 9, tzinfo=ALMATY)),
        # A zone no clock has: Python's date parser overflowed, and the command's traceback
        # was an exit status the MTA reads as refused for good, the letter bounced.
        (
            "Mon, 30 Nov 2026 08:00:00 +99999999999999999999",
            datetime(2026, 11, 30, 9, tzinfo=ALMATY),
        ),
        ("Mon, 30 Nov 99999 08:00:00 +0500", datetime(2026, 11, 30, 9, tzinfo=ALMATY)),
    ],
)
def test_a_piped_letter_is_received_when_our_mta_took_it(
    person, monkeypatch, time_machine, stamp, received
):
    time_machine.move_to(datetime(2026, 11, 30, 9, tzinfo=ALMATY), tick=False)
    stdin(monkeypatch, by_our_mta(message("Отзыв согласия", message_id="<pipe@x>"), stamp))
    call_command("ingest_request_mail", stdout=io.StringIO())
    ticket = Ticket.objects.get()
    assert ticket.received_at == received
