"""A parent's or guardian's request about their own data (compliance L6, L10, L13): what they gave
with their consent for a child, held on the child's record (`core.guardians`). Answered as any
person's request is: access by what is held about them, destruction by erasing it."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.core.guardians import child_named, given_as_guardian, guardians_at
from consent.core.mail import interpolate, send_without_trace
from consent.core.models import AuditEvent
from consent.core.purposes import PURPOSES

from .closing import require_open, ticket_close
from .disclosure import disclosure_record
from .erasure import guardian_erase
from .models import Ticket

HELD_AS_GUARDIAN = _(
    "As a parent or guardian, you gave us data about yourself with your consent to the "
    "processing of a child's data. We hold it on the child's record:"
)
HELD_ROW = _(
    "child: %(child)s; your name as given: %(name)s; your contact as given: %(contact)s; "
    "given: %(time)s; consent given for the child: %(purposes)s."
)
NOTHING_ELSE = _(
    "We hold nothing else about you as a parent or guardian. The child's other data is the "
    "child's own, so it is not part of this answer."
)
NOTHING_HELD = _("We no longer hold any personal data about you as a parent or guardian.")
# What a parent or guardian is told once their data is destroyed (ticket_destroy_guardian).
GUARDIAN_DESTROYED = _(
    "We have destroyed your name and contact, which you gave as a parent or guardian with "
    "your consent for a child. The child's record keeps, without them, the entry that a "
    "parent or guardian gave that consent, as its proof; the consent stays in force until "
    "it is withdrawn."
)


def guardian_statement(email: str, language: str) -> str:
    """What is held about whoever writes from `email` as a parent or guardian, in `language`:
    for each child's record, the name and contact they gave, when, and the consents they gave
    with them. Of the child, only the name the parent consented for: nothing else of the
    child's record is theirs to receive. "" when nothing is held."""
    given = given_as_guardian(email)
    if not given:
        return ""
    with translation.override(language):
        lines = [str(HELD_AS_GUARDIAN)]
        for guardian, purposes in given:
            lines.append("— " + str(HELD_ROW) % {
                "child": child_named(guardian),
                "name": guardian.full_name or "—",
                "contact": guardian.contact,
                "time": reader_time(guardian.created_at),
                "purposes": ", ".join(str(PURPOSES[p].name) for p in purposes if p in PURPOSES)
                or "—",
            })  # fmt: skip
        lines.append(str(NOTHING_ELSE))
    return "\n".join(lines)


def guardian_only(ticket: Ticket) -> bool:
    """Whether the request comes from a parent or guardian with no record of their own."""
    return ticket.subject_id is None and ticket.as_guardian


@transaction.atomic
def ticket_answer_guardian_access(
    ticket: Ticket, *, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    """Tell a parent or guardian what is held about them (guardian_statement), in the letter
    itself, at the address they gave; audited as an export on each child's record."""
    require_open(ticket)
    outcome = guardian_statement(ticket.email, ticket.language)
    if not outcome:
        with translation.override(ticket.language):
            outcome = gettext(
                "We no longer hold any personal data about you as a parent or guardian."
            )
    for guardian in guardians_at(ticket.email).exclude(contact=""):
        disclosure_record(guardian.subject, action=AuditEvent.Action.SUBJECT_EXPORT, actor=actor,
                          obj=ticket, what="guardian")  # fmt: skip
    return ticket_close(ticket, outcome=outcome, actor=actor, to=ticket.email, words=words)


@transaction.atomic
def ticket_destroy_guardian(
    ticket: Ticket, *, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    """Destroy what a parent or guardian with no record of their own gave about themselves
    (erasure.guardian_erase), and tell them so once it commits, keeping their address nowhere."""
    require_open(ticket, allowed_when_blocked=True)
    email, language, reference = ticket.email, ticket.language, ticket.reference
    given = guardians_at(email).exclude(contact="")
    records = sorted(set(given.values_list("subject_id", flat=True)))
    with translation.override(language):
        outcome = str(GUARDIAN_DESTROYED)
    # Closed first, then erased with their other requests (as ticket_destroy): the officer's
    # words reach them in the letter and stay nowhere.
    ticket_close(ticket, outcome=outcome, actor=actor, notify=False,
                 detail={"guardian_of": records}, words=words)  # fmt: skip
    context = {"reference": reference, "ticket": ticket, "outcome": ticket.outcome}
    guardian_erase(email, request_ref=reference, actor=actor)
    transaction.on_commit(
        lambda: send_without_trace(
            email, "request_done", context, language=language,
            subject_line=interpolate(_("Your request %(ref)s"), {"ref": reference}),
        )
    )  # fmt: skip
    return ticket
