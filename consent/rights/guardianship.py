"""A parent's or guardian's requests (compliance L6, L10, L13, L14). About their own data, what
they gave with their consent for a child, held on the child's record (`core.guardians`):
answered as any person's request is, access by what is held about them, destruction by erasing
it. For the child: a minor's consent is given and withdrawn by their legal representative
(Art. 7(1), 8(1), 24(1)(5)), so a withdrawal (or an unsubscribe) from the address a parent gave
stops each child's consent they act for (`core.guardians.wards_at`) as the child's own would,
and its carrying out destroys what none of the child's remaining consents needs."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consent.core import gate
from consent.core.guardians import (
    acts_for_any,
    awaits_confirmation,
    child_named,
    declined_at,
    guardians_at,
    held_at,
    wards_at,
)
from consent.core.ledger import consent_withdraw_if_given
from consent.core.models import AuditEvent

from .closing import require_open, ticket_close, ticket_locked
from .destroyed_told import destroyed_tell
from .disclosure import disclosure_record
from .erasure import guardian_erase, subject_destroy, subject_keep_only_for
from .forgetting import requests_forget
from .given_again import given_again, last_word, others_withdrawn, stands_told
from .held_as_guardian import guardian_statement
from .models import Ticket

NOTHING_HELD = _("We no longer hold any personal data about you as a parent or guardian.")
# What a parent or guardian is told once their data is destroyed (ticket_destroy_guardian).
GUARDIAN_DESTROYED = _(
    "We have destroyed your name and contact, which you gave as a parent or guardian with "
    "your consent for a child. The child's record keeps, without them, the entry that a "
    "parent or guardian gave that consent, as its proof; the consent stays in force until "
    "it is withdrawn."
)


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
    destroyed_tell(ticket, email, context, language=language, actor=actor)
    return ticket


def wards_withdraw(
    ticket: Ticket, purposes: list[str], source: str, actor: AbstractBaseUser | None = None
) -> list[tuple[str, list]]:
    """Withdraw, on the record of each child the request's address acts for (wards_at), each of
    `purposes` whose consent is still given, as the parent's last word on the request left it
    (`given_again.last_word`: one given again since stands): one ledger row each, naming the parent
    or guardian who withdrew it, and its audit row (`consent_withdraw_if_given`). (the child as
    the parent knows them, the purposes withdrawn now) for each child, none left out: the mail
    says what stopped for whom."""
    done = []
    for row in wards_at(ticket.email):
        withdrawn = [
            p for p in purposes
            if consent_withdraw_if_given(row.subject, p, source=source, reason=ticket.reference,
                                         guardian=row, actor=actor, given_by=last_word(ticket))
        ]  # fmt: skip
        done.append((child_named(row), withdrawn))
    return done


# What a parent or guardian is told of each child once their withdrawal is carried out.
WARD_DESTROYED = _(
    "The consent you withdrew for %(child)s: no consent of the child's remains in force, so we "
    "have destroyed the personal data we held about the child."
)
WARD_KEPT = _(
    "The consent for “%(purpose)s” you withdrew for %(child)s: we no longer process the "
    "child's data for it. The child's other consents remain in force, so we keep the child's "
    "data only for them."
)


WARD_OTHERS = _(
    "The child's other consents you withdrew for %(child)s are withdrawn: we no longer process "
    "the child's data for them, and keep it only for what remains in force."
)


def ward_told(
    row, purpose: str, kept: list[str], again: dict | None = None, others: bool = True
) -> str:
    """What a parent is told of the child of guardian row `row` once their withdrawal of
    `purpose` (its name; "" for every one) is carried out: the child's consents `kept` still
    stand, or none does and the child's data is destroyed; each consent given again since the
    parent's last word on it (`again`, given_again.given_again) stands, and the parent is told
    how to withdraw it; the others withdrawn are told of only where there were (`others`,
    given_again.others_withdrawn). In the active language."""
    if again:
        told = stands_told(again, child=child_named(row))
        if not purpose and others:  # every consent: the others are withdrawn
            told.append(str(WARD_OTHERS) % {"child": child_named(row)})
        return "\n\n".join(told)
    if kept:
        return str(WARD_KEPT) % {"purpose": purpose, "child": child_named(row)}
    return str(WARD_DESTROYED) % {"child": child_named(row)}


def wards_carry_out(ticket: Ticket, *, actor: AbstractBaseUser | None) -> list[str]:
    """Carry out a parent's or guardian's withdrawal for each child they act for, as the
    child's own withdrawal is carried out (withdrawals.ticket_withdraw): with a consent for
    another purpose still standing, what only the withdrawn one needed is erased; with none,
    the child's data is destroyed. A child whose own record the request was filed under is
    left to that (the parent applied with their own address). What the parent is told, a
    sentence a child, in the request's language."""
    told = []
    for row in wards_at(ticket.email):
        child = row.subject
        if child.pk == ticket.subject_id:
            continue
        # What stands after the stop: another purpose's consent, or one given again since the
        # parent's last word on the request (given_again.py), which nothing here may erase.
        kept = gate.consents_standing(child)
        again = given_again(ticket, child) if kept else {}
        with translation.override(ticket.language):
            others = others_withdrawn(ticket, child, again)
            told.append(ward_told(row, ticket.get_purpose_display(), kept, again, others))
        if kept:
            subject_keep_only_for(child, kept, request_ref=ticket.reference, actor=actor)
        else:
            subject_destroy(child, request_ref=ticket.reference, actor=actor)
    return told


@transaction.atomic
def ticket_withdraw_guardian(
    ticket: Ticket, *, actor: AbstractBaseUser | None, words: str = ""
) -> Ticket:
    """Carry out the withdrawal of a parent or guardian with no record of their own: for each
    child they act for (wards_carry_out), and tell them so at their address, in their language."""
    require_open(ticket, allowed_when_blocked=True)
    email, language, reference = ticket.email, ticket.language, ticket.reference
    told = wards_carry_out(ticket, actor=actor)
    carried = bool(told)
    with translation.override(ticket.language):
        if awaits_confirmation(email):  # a child they will act for once confirmed: nothing yet
            told.append(str(NOT_CONFIRMED))
        elif not told:
            told = [str(NO_WARDS if acts_for_any(email) else NOT_SHOWN if declined_at(email)
                        else NOT_ACTING)]  # fmt: skip
    if held_at(email) != (None, False):
        # No child's consent was withdrawn (none they act for yet, or none at all): the letter
        # says the request is closed without action, not «carried out» above «nothing has been
        # changed» (NOT_CONFIRMED, NO_WARDS, NOT_ACTING).
        kind = {} if carried else {"template": "request_closed", "status": Ticket.Status.CLOSED}
        return ticket_close(ticket, outcome="\n\n".join(told), actor=actor, to=email,
                            detail={"for_children": True}, words=words, **kind)  # fmt: skip
    # Each child's data destroyed, and with it all that was held about the parent (erasure.
    # subject_destroy): answered by a letter that leaves no copy, the request keeping what a
    # destroyed person's keeps (requests_forget), so that nothing names the child or the parent.
    ticket_close(ticket, outcome="\n\n".join(told), actor=actor, notify=False,
                 detail={"for_children": True}, words=words)  # fmt: skip
    context = {"reference": reference, "ticket": ticket, "outcome": ticket.outcome}
    requests_forget(Ticket.objects.filter(pk=ticket.pk))
    destroyed_tell(ticket, email, context, language=language, actor=actor)
    return ticket


NO_WARDS = _(
    "None of the children you gave your consent for is under 18 by our records now, so the "
    "consent is no longer yours to withdraw: a child who has come of age withdraws it "
    "themselves. Nothing has been changed."
)
# A parent named only by a form sent under the address of someone already on record
# (Guardian.acts): anyone can type any address into a form, so it proves no one a child's parent.
NOT_ACTING = _(
    "Your name and address were given as a parent's or guardian's only on a form sent under the "
    "address of a person already on our records. Anyone can type any address into a form, so "
    "we cannot act on that person's data at your request. Nothing has been changed. If you are "
    "the child's parent or guardian, reply to this email and we will tell you how to show it."
)

# A parent found not to be the child's (Guardian.declined): told nothing of how, nor by whom.
NOT_SHOWN = _(
    "Your name and address were given as a parent's or guardian's on a form about another "
    "person. It has not been shown that you are that person's parent or guardian, so we cannot "
    "act on their data at your request. Nothing has been changed."
)

# A parent named by the form that made a child's record, under an address other than the
# child's, not yet confirmed (Guardian.pending): the form proves only what its sender typed.
NOT_CONFIRMED = _(
    "You were named as a parent or guardian on the form that made a child's record, with an "
    "address other than the child's. Anyone can type any address into a form, so we act on the "
    "child's data at your request only once it is confirmed: by the child, on the page of "
    "their data (we mailed the child's address how), or by you, showing a birth certificate or a "
    "guardianship decision at our office. Nothing of that child's data has been changed."
)


# What a parent is told when their request for a child is closed because the child has come of
# age (ticket_close_outgrown): the request's number and type, and nothing of the child's record.
OUTGROWN_TOLD = _(
    "You made this request as a parent or guardian, for a child. By our records the person it "
    "is about is 18 now and uses their rights over their personal data themselves, so we can "
    "no longer carry it out or answer it to you, and nothing has been changed. If they want "
    "it, they can make the request themselves."
)


@transaction.atomic
def ticket_close_outgrown(ticket: Ticket, *, actor: AbstractBaseUser | None) -> Ticket:
    """Close a request a parent asked for a child who is 18 now (Ticket.outgrown), the one
    thing the desk can still do with it. Chosen over answering anyone: from midnight in Almaty
    on the birthday the parent is no longer the legal representative (Law 94-V Art. 7(1),
    8(1), 24(1) let the representative act for a minor; Civil Code Art. 17: capable at 18), so
    neither the answer nor any of the now-adult's data goes to the parent; and the address on
    the child's record may be one the parent typed on the form, which nobody has shown to be
    the person's own, so nothing is sent there in their name either. The parent is told, in
    their language, that the person asks themselves now: the number and type, nothing of the
    child's record (not even the name). Nothing of the person's data changes; the request stays
    among theirs (access export), closed without action."""
    ticket = ticket_locked(ticket)
    if not ticket.is_open or not ticket.outgrown:
        raise ValidationError(_("Only an open request a parent asked for a child who is 18 now "
                                "can be closed so."))  # fmt: skip
    with translation.override(ticket.language):
        outcome = str(OUTGROWN_TOLD)
    return ticket_close(ticket, outcome=outcome, status=Ticket.Status.CLOSED, actor=actor,
                        template="request_closed", detail={"come_of_age": True})  # fmt: skip


def outgrown_requests_close() -> list[int]:
    """Close, as `ticket_close_outgrown` does, every open request a parent asked for a child who
    is 18 now by the local date (Asia/Almaty): the parent is told at once, and the request no
    longer waits on the desk for someone to touch it. The request numbers closed. Run just after
    midnight in Almaty by `manage.py close_outgrown_requests` (once a day, however many hosts
    start it); a mail queued to the parent before that midnight is held by the sender
    (core.delivery), so nothing reaches them in between either."""
    born_by = gate.adult_born_by(timezone.now())
    candidates = Ticket.objects.open().filter(
        guardian__isnull=False, subject__birth_date__lte=born_by
    )
    closed = []
    for ticket in candidates.order_by("pk"):
        try:
            ticket_close_outgrown(ticket, actor=None)
        except ValidationError:  # closed, or given another owner, since it was listed
            continue
        closed.append(ticket.pk)
    return closed
