"""Which waiting requests the night closes has one home (Ticket.OFFICER_CLOSES), read by the
nightly job (TicketQuerySet.expired) and by the desk's «it closes by itself on …»
(expiring.closes_on). Spelled twice, the pair of marks could drift: the desk would promise a
night's closing the job never does, or the job close unseen a possible breach (misdirected,
compliance L21) or a letter forwarded about someone else that the desk said waits for an
officer. Every mark a letter answered at once carries (Ticket.ANSWERED_AT_ONCE), and none, read
by both."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from consent.rights.admin.due import ANSWERED_NOTES
from consent.rights.expiring import closes_on
from consent.rights.models import Ticket

MARKS = [None, *Ticket.ANSWERED_AT_ONCE]


@pytest.mark.parametrize("mark", MARKS)
def test_the_night_and_the_desk_agree_on_what_the_night_closes(db, mark):
    opened = timezone.now() - Ticket.CONFIRM_WITHIN - timedelta(days=2)
    ticket = Ticket.objects.create(
        type=Ticket.Type.OTHER, email="bota@example.kz", channel="email", language="kk",
        due_date=date(2026, 1, 1), opened_at=opened, received_at=opened,
        limits={mark: True} if mark else {},
    )  # fmt: skip
    night_closes = Ticket.objects.expired(timezone.now()).filter(pk=ticket.pk).exists()
    assert night_closes == (closes_on(ticket) is not None)
    assert night_closes == (mark not in Ticket.OFFICER_CLOSES)


def test_the_possible_breach_and_the_forwarded_letter_wait_for_an_officer():
    assert set(Ticket.OFFICER_CLOSES) == {"forwarded", "misdirected"}
    assert set(Ticket.OFFICER_CLOSES) <= set(Ticket.ANSWERED_AT_ONCE)


def test_the_due_column_names_every_letter_answered_at_once():
    """admin/due.py says what each letter answered at once with no link was: a mark added to
    Ticket.ANSWERED_AT_ONCE and not there was listed with no word of what it is."""
    assert set(ANSWERED_NOTES) == set(Ticket.ANSWERED_AT_ONCE)
