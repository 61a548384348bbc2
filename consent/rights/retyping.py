"""A request given another type by an officer: its due date counted again, and what the new
type does by itself done as if it had been filed so (compliance L7, L8)."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from consent.core.audit import audit
from consent.core.models import AuditEvent

from .closing import OUTGROWN, ticket_locked, ticket_mail
from .deadlines import due_for
from .links import link_mail
from .models import Ticket
from .self_acting import act_on_arrival, acts_on_arrival, on_confirmed
from .tickets import purpose_for

Type, Status = Ticket.Type, Ticket.Status


@transaction.atomic
def ticket_reclassify(
    ticket: Ticket, *, kind: str, purpose: str = "", actor: AbstractBaseUser | None
) -> Ticket:
    """Change the type of an open or waiting request (the intake files what it does not
    recognise as "other"; a person may pick the wrong type on the form), or open an emailed
    reply filed with an earlier request (`joining.file_reply`) as a request of its own: it asked
    for something in words no phrase names, which only the officer reading it can tell; it then
    waits for the person's link like any emailed request. Compliance L7, L8: the due date is
    counted again from the original receipt for the new type; the audit row keeps the old and
    the new type. What the new type does by itself happens as if it had been filed so: at once
    for a confirmed request or an unsubscribe mailed from an address on record; at confirmation
    otherwise, with a new link naming the new type. The person is told in their language, except
    when no data is held for the address (no type would do anything; they were told so)."""
    ticket = ticket_locked(ticket)
    filed = ticket.is_filed
    if not ticket.is_open and not filed:
        raise ValidationError(_("Only an open request can change its type."))
    if ticket.outgrown:  # its mail, and what a new type does, would reach the parent
        raise ValidationError(OUTGROWN)
    if kind not in Type.values or (kind == ticket.type and not filed):
        raise ValidationError(_("Choose a type other than the request's own."))
    purpose_for(kind, purpose)
    old = ticket.type
    ticket.type, ticket.purpose = kind, purpose
    ticket.due_date = due_for(kind, ticket.received_at)
    if filed:
        ticket.status, ticket.closed_at, ticket.outcome = Status.UNVERIFIED, None, ""
    ticket.save(update_fields=["type", "purpose", "due_date", "status", "closed_at", "outcome"])
    audit(AuditEvent.Action.REQUEST_RETYPE, actor=actor, subject=ticket.subject, obj=ticket,
          logged=True, old_type=old, new_type=kind, due=ticket.due_date.isoformat(),
          **({"purpose": purpose} if purpose else {}),
          **({"filed_with": ticket.regarding.reference} if filed else {}))  # fmt: skip
    if not ticket.holds_data:
        return ticket
    if ticket.status == Status.OPEN:
        on_confirmed(ticket, actor=actor)
    elif acts_on_arrival(ticket):
        act_on_arrival(ticket, actor=actor)
    if ticket.is_open:
        context = {"ticket": ticket, "type": Type(kind).label, "old_type": Type(old).label,
                   "filed_with": ticket.regarding if filed else None}  # fmt: skip
        if ticket.is_waiting:  # with a new link, recorded as sent once queued
            link_mail(ticket, "request_retyped", context)
        else:
            ticket_mail(ticket, ticket.address_on_record, "request_retyped", context)
    return ticket
