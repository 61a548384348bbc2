"""A request asked by telephone or in person: the officer opens it from the person's page, for
the person or, for a minor, for a parent or guardian who acts for them (compliance L6)."""

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import received_time
from consent.core.gate import needs_guardian
from consent.core.guardians import ACTING
from consent.core.models import Guardian, Subject
from consent.core.subjects import address_lookup_key

from .models import Ticket
from .tickets import purpose_for, ticket_open

NO_ADDRESS = _(
    "No email address is on record for this person, and a request opened at the desk is "
    "confirmed by the link mailed there: ask the person to write to us."
)

# What a parent or guardian may ask at the desk for the child: what their page for the child
# does with `Ticket.guardian` (wards.ward_download, wards.ward_request, wards.ward_withdraw),
# each answered to them about the child (access.ANSWERED_WITH, answers.py), and withdrawing the
# child's consent, for one purpose or every one: the ledger names the parent (stops.py), and
# once no consent of the child's stands the child's data is destroyed (withdrawals.py), as a
# withdrawal the child asked would be. That is how a parent has a child's data destroyed, at
# the desk as by mail (guardianship.py): a destruction request itself would be the parent's own.
FOR_A_PARENT = (Ticket.Type.ACCESS, Ticket.Type.CORRECT, Ticket.Type.BLOCK, Ticket.Type.WITHDRAW)
PARENT_TYPES = _(
    "For a parent or guardian the desk opens a request for data access, correction, blocking "
    "or withdrawal of consent for the child's data. To have the child's data destroyed, open a "
    "withdrawal of consent for every purpose: once no consent of the child's stands, the "
    "child's data is destroyed."
)
NOT_ACTING = _(
    "This parent or guardian does not act for this person now: not confirmed, no longer on "
    "record, or the person is 18. Nothing was opened."
)


def parents_acting(subject: Subject) -> list[Guardian]:
    """The parents or guardians who may ask for `subject` at the desk: while the record shows
    them under 18 (Almaty date), each address given by a row that acts for them (ACTING: not
    one waiting to be confirmed), one an address (its latest row, as core.guardians.wards_at
    takes it). A phone number alone takes no link, so it is not among them."""
    if not needs_guardian(subject):
        return []
    rows = subject.guardians.filter(ACTING, contact__contains="@").order_by("id")
    return list({address_lookup_key(row.contact): row for row in rows}.values())


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
    guardian: Guardian | None = None,
) -> tuple[Ticket, bool]:
    """Record what the person asked the desk, received now, or at `received_at` (a letter that
    came by post, a call written down later: the law counts from receipt, not from the typing;
    never after now): its due date is counted in Kazakhstan working days from that date in
    Almaty (`tickets.ticket_create`). Whoever calls has not shown they are the person, so the
    request waits, as any other, for the link mailed to the address on record (compliance L9);
    nothing is done or disclosed before.
    (the request, whether it is new): the same request still open, opened at the desk for the
    same person with the same words (the button pressed twice, two tabs), is that one, and no
    second link is mailed. Under the person's lock, so two presses at once find each other.
    `guardian`: the parent or guardian asking for the child (`parents_acting`, read again under
    the lock: confirmed, the child under 18 now), for what their page opens (FOR_A_PARENT); the
    request names them, its link and answer go to their address (compliance L6)."""
    subject = Subject.objects.select_for_update().filter(pk=subject.pk).first()
    if subject is None:
        raise ValidationError(_("This person's data is no longer held."))
    if guardian is not None:
        guardian = next((g for g in parents_acting(subject) if g.pk == guardian.pk), None)
        if guardian is None:
            raise ValidationError(NOT_ACTING)
        if kind not in FOR_A_PARENT:
            raise ValidationError(PARENT_TYPES)
    elif not subject.email:
        raise ValidationError(NO_ADDRESS)
    purpose = purpose_for(kind, purpose)
    received_at = received_time(received_at) if received_at else None
    same = Ticket.objects.open().filter(subject=subject, channel=Ticket.Channel.DESK, type=kind,
                                        purpose=purpose, message=message,
                                        guardian=guardian)  # fmt: skip
    if (opened := same.order_by("id").first()) is not None:
        return opened, False
    ticket = ticket_open(
        kind=kind, email=guardian.contact if guardian else subject.email, language=language,
        channel=Ticket.Channel.DESK, guardian=guardian,
        purpose=purpose, message=message, actor=actor, received_at=received_at,
        audit_detail={"opened_at_desk": True, **({"guardian": guardian.pk} if guardian else {}),
                      **({"received": timezone.localtime(received_at).isoformat()}
                         if received_at else {})},
    )  # fmt: skip
    return ticket, True
