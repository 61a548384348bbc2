"""Requests nobody confirmed, closed by themselves once they can be confirmed no longer
(compliance L8, L9, L5).

A request waits for its person's press of the link mailed to the address on record. One nobody
pressed stayed open until an officer closed it: for good when the per-address mail limit had
held its link back (links.link_held_back), which no officer could close as «not confirmed»; and
a stranger's, from an address no one on record holds, kept its words and address until an
officer happened to close it, its grace period (strangers.py) starting only then. The nightly
job (retention.enforce_retention) now closes every one the person can no longer confirm
(`TicketQuerySet.expired`: CONFIRM_WITHIN of clock time after its latest link, or after it was
opened when none went) with the status an officer's closing gives, an audit row of its own and
nothing mailed: an address that never confirmed is written to no more (anyone can type a
stranger's address into the form, and a letter per request would be theirs to send)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from consent.core.audit import audit
from consent.core.models import AuditEvent

from .closing import ticket_locked
from .models import Ticket

Status = Ticket.Status


def expired_as(ticket: Ticket, at: datetime) -> str:
    """The status an unconfirmed request closes with by itself at `at`: the one an officer may
    close it with (Ticket.closable_as), or "identity not confirmed" for one whose link the mail
    limit held back, which an officer could not close yet."""
    return ticket.closable_as(at) or Status.NOT_CONFIRMED


def expired_requests(at: datetime) -> list[int]:
    """The requests `requests_expire` closes at `at`."""
    return list(Ticket.objects.expired(at).order_by("pk").values_list("pk", flat=True))


def requests_expire(ids: list[int], at: datetime) -> int:
    """Close each of `ids` still unconfirmed and past its link's life at `at` (read again under
    its lock: a press of the link just before wins), and say how many were closed. The closing
    time is now, from which what a closed request keeps counts (strangers.py)."""
    closed = 0
    for pk in ids:
        with transaction.atomic():
            ticket = ticket_locked(Ticket(pk=pk))
            if not Ticket.objects.expired(at).filter(pk=pk).exists():
                continue  # confirmed, closed or sent a new link meanwhile
            ticket.status, ticket.closed_at = expired_as(ticket, at), timezone.now()
            ticket.save(update_fields=["status", "closed_at"])
            sent = ticket.link_sent_at is not None
            audit(AuditEvent.Action.REQUEST_EXPIRE, subject=ticket.subject, obj=ticket,
                  logged=True, status=ticket.status, link_sent=sent)  # fmt: skip
            closed += 1
    return closed
