"""Requests nobody confirmed, closed by themselves once they can be confirmed no longer
(compliance L8, L9, L5).

A request waits for its person's press of the link mailed to the address on record. One nobody
pressed stayed open until an officer closed it: for good when the per-address mail limit had
held its link back (links.link_held_back), which no officer could close as «not confirmed» (the
desk may now, once the night may: Ticket.closable_as is the one rule of both); and
a stranger's, from an address no one on record holds, kept its words and address until an
officer happened to close it, its grace period (strangers.py) starting only then. The nightly
job (retention.enforce_retention) now closes every one the person can no longer confirm
(`TicketQuerySet.expired`: CONFIRM_WITHIN of clock time after its latest link, or after it was
opened when none went) with the status and the outcome an officer's closing gives, an audit row
of its own and nothing mailed: an address that never confirmed is written to no more (anyone
can type a stranger's address into the form, and a letter per request would be theirs to send)."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consent.core.audit import audit
from consent.core.models import AuditEvent

from .closing import ticket_locked
from .models import Ticket

Status = Ticket.Status

# Why a request nobody confirmed was closed, as the request keeps it (`outcome`: its page, the
# person's export) and, closed by an officer, as the person is told: by the status it closed
# with (Ticket.closable_as), and whether a link ever went. A «closed without action» letter
# (forwarded, or about the statistics) has none: its sender was told all they are told.
UNCONFIRMED_OUTCOMES = {
    (Status.NOT_CONFIRMED, True): _(
        "The request was not confirmed through the link we sent within 7 days, so nothing "
        "has been done. If you still want it, please send the request again."
    ),
    (Status.NOT_CONFIRMED, False): _(
        "The request could not be confirmed: within 7 days no link to confirm it could be sent, "
        "as the address had received as many of our mails within an hour as we send to one "
        "address, so nothing has been done. If you still want it, please send the request again."
    ),
    (Status.NO_DATA, False): _(
        "We hold no personal data linked to the address the request came from, so there is "
        "nothing to act on. If you gave us another address, please write to us from it."
    ),
}


def unconfirmed_outcome(ticket: Ticket, status: str) -> str:
    """The outcome `ticket` keeps when it closes unconfirmed with `status`, in its language (the
    person's), whoever closes it: the officer (answers.ticket_close_unconfirmed) or the night
    (`requests_expire`). Closed by the night, it kept none, and its page and the person's export
    said nothing of why it closed."""
    sent = status == Status.NOT_CONFIRMED and ticket.link_sent_at is not None
    with translation.override(ticket.language):
        return str(UNCONFIRMED_OUTCOMES.get((status, sent), ""))


# When the night's retention starts, local time (docs/deploy/emalu-retention.timer): the run that
# closes what expired before it; one expired later that day waits for the next night's.
NIGHTLY_RUN = time(3, 15)


def closes_on(ticket: Ticket) -> date | None:
    """The local date (Asia/Almaty) the night closes `ticket` unconfirmed unless someone closes
    it sooner, as `TicketQuerySet.expired` counts: CONFIRM_WITHIN after its latest link, or
    after it was opened when none went. None for one the night never closes: confirmed or
    closed already, a letter forwarded about someone else, or one saying someone else's data was
    sent to its writer (misdirected.py): each waits for an officer (Ticket.OFFICER_CLOSES)."""
    if not ticket.is_waiting or any(map(ticket.limits.get, Ticket.OFFICER_CLOSES)):
        return None
    ends = timezone.localtime((ticket.link_sent_at or ticket.opened_at) + Ticket.CONFIRM_WITHIN)
    return ends.date() + timedelta(days=0 if ends.time() < NIGHTLY_RUN else 1)


def expired_requests(at: datetime) -> list[int]:
    """The requests `requests_expire` closes at `at`."""
    return list(Ticket.objects.expired(at).order_by("pk").values_list("pk", flat=True))


def requests_expire(ids: list[int], at: datetime) -> int:
    """Close each of `ids` still unconfirmed and past its link's life at `at` (read again under
    its lock: a press of the link just before wins), with the status and the outcome an
    officer's closing gives (Ticket.closable_as, `unconfirmed_outcome`), and say how many were
    closed. The closing time is now, from which what a closed request keeps counts
    (strangers.py)."""
    closed = 0
    for pk in ids:
        with transaction.atomic():
            ticket = ticket_locked(Ticket(pk=pk))
            if not Ticket.objects.expired(at).filter(pk=pk).exists():
                continue  # confirmed, closed or sent a new link meanwhile
            ticket.status, ticket.closed_at = ticket.closable_as(at), timezone.now()
            ticket.outcome = unconfirmed_outcome(ticket, ticket.status)
            ticket.save(update_fields=["status", "closed_at", "outcome"])
            sent = ticket.link_sent_at is not None
            audit(AuditEvent.Action.REQUEST_EXPIRE, subject=ticket.subject, obj=ticket,
                  logged=True, status=ticket.status, link_sent=sent)  # fmt: skip
            closed += 1
    return closed
