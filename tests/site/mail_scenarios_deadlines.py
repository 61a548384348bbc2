"""Mail scenarios of what the officers are told of a request's deadline when the person acts on
it (tests/site/mail_scenarios.py runs them)."""

from datetime import timedelta

from consent.common.dates import local_today
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify


def confirmed_late(w):
    """A block confirmed by the person only after its due date: the officers are told to act on
    it today (alerts.notify_confirmed_late)."""
    ticket = ticket_open(kind=Ticket.Type.BLOCK, email="person@example.kz", language=w["lang"],
                         channel="web")  # fmt: skip
    Ticket.objects.filter(pk=ticket.pk).update(due_date=local_today() - timedelta(days=1))
    ticket_verify(Ticket.objects.get(pk=ticket.pk))


DEADLINE_SCENARIOS = {"staff_confirmed_late": confirmed_late}
