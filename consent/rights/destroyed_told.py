"""The letter that tells a person their data is destroyed, and what is left when it does not go.

It is sent once the destruction commits and stored nowhere (core.mail.send_without_trace): the
outbox would keep the address the destruction removed. So nothing can send it again, and a mail
server that is down or refuses it was met only by a line in the server's log, while the desk
said «the person has been answered». Now the request keeps a lasting trace without personal
data (an audit row on it, «destruction confirmation not delivered»: which request, when, who
pressed), its page shows it, and the officer who pressed is told at once on the page she lands
on (admin.tickets.TicketAdmin.act_view reads `untold` once her action has committed), so that she
tells the person another way."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from consent.core.audit import audit, audited
from consent.core.mail import interpolate, send_without_trace
from consent.core.models import AuditEvent

from .models import Ticket

UNDELIVERED = AuditEvent.Action.DESTRUCTION_UNTOLD
# What the officer who pressed is told instead of «Done: … the person has been answered»; the
# request's page, where she lands, says below it what to do (its lasting note).
UNTOLD_NOW = _(
    "The data is destroyed, but the person has not been told: the mail server did not take the "
    "letter about request %(ref)s. How to tell them is written below."
)


def destroyed_tell(
    ticket: Ticket,
    email: str,
    context: dict,
    *,
    language: str,
    actor: AbstractBaseUser | None,
    template: str = "request_done",
) -> None:
    """Send the confirmation of `ticket`'s destruction to `email` once the destruction commits
    (not before: a rollback would have told the person of a destruction that never happened).
    Marks `ticket` (`untold`) and records the failure on it when the mail server does not take
    it."""
    reference = ticket.reference
    # What is kept of the destruction and for how long the backups hold the data, told in the
    # letter (email/parts/destroyed_kept.txt; compliance L13): the person learned only that the
    # data was destroyed.
    context = {**context, "backup_days": settings.BACKUP_KEEP_DAYS}

    def send() -> None:
        delivered = send_without_trace(
            email, template, context, language=language,
            subject_line=interpolate(_("Your request %(ref)s"), {"ref": reference}),
        )  # fmt: skip
        ticket.untold = not delivered
        if not delivered:
            audit(UNDELIVERED, actor=actor, obj=ticket)

    transaction.on_commit(send)


def untold(ticket: Ticket) -> bool:
    """Whether the confirmation that `ticket`'s destruction sent just now did not go: read after
    the commit that sends it (false before, and for any other action)."""
    return getattr(ticket, "untold", False)


def untold_record(ticket: Ticket) -> AuditEvent | None:
    """The record that `ticket`'s destruction confirmation was not delivered, or None."""
    return audited(UNDELIVERED, ticket).last()
