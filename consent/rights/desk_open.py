"""A request asked by telephone or in person: the officer opens it from the person's page."""

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import received_time
from consent.core.models import Subject

from .models import Ticket
from .tickets import ticket_open

NO_ADDRESS = _(
    "No email address is on record for this person, and a request opened at the desk is "
    "confirmed by the link mailed there: ask the person to write to us."
)


@transaction.atomic
def ticket_open_at_desk(
    subject: Subject,
    *,
    kind: str,
    language: str,
    message: str,
    actor: AbstractBaseUser,
    purpose: str = "",
    received_at: datetime | None = None,
) -> tuple[Ticket, bool]:
    """Record what the person asked the desk, received now, or at `received_at` (a letter that
    came by post, a call written down later: the law counts from receipt, not from the typing;
    never after now): its due date is counted in Kazakhstan working days from that date in
    Almaty (`tickets.ticket_create`). Whoever calls has not shown they are the person, so the
    request waits, as any other, for the link mailed to the address on record (compliance L9);
    nothing is done or disclosed before.
    (the request, whether it is new): the same request still open, opened at the desk for the
    same person with the same words (the button pressed twice, two tabs), is that one, and no
    second link is mailed. Under the person's lock, so two presses at once find each other."""
    subject = Subject.objects.select_for_update().filter(pk=subject.pk).first()
    if subject is None:
        raise ValidationError(_("This person's data is no longer held."))
    if not subject.email:
        raise ValidationError(NO_ADDRESS)
    purpose = purpose if kind == Ticket.Type.WITHDRAW else ""
    received_at = received_time(received_at) if received_at else None
    same = Ticket.objects.open().filter(subject=subject, channel=Ticket.Channel.DESK, type=kind,
                                        purpose=purpose, message=message)  # fmt: skip
    if (opened := same.order_by("id").first()) is not None:
        return opened, False
    ticket = ticket_open(
        kind=kind, email=subject.email, language=language, channel=Ticket.Channel.DESK,
        purpose=purpose, message=message, actor=actor, received_at=received_at,
        audit_detail={"opened_at_desk": True,
                      **({"received": timezone.localtime(received_at).isoformat()}
                         if received_at else {})},
    )  # fmt: skip
    return ticket, True
