"""Carrying out a confirmed withdrawal of consent (Art. 8(7), 24(1)(5); compliance L14): the
gate closed for its purposes at confirmation (tickets.py); staff then erase what only the
withdrawn purposes needed while another consent stands, or destroy the data when none does.
A parent or guardian withdraws for each child they act for as well (guardianship.py)."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from consent.core import gate

from .answers import DESTROYED_UNDER_ADDRESS, ticket_destroy
from .closing import require_open, ticket_close
from .erasure import subject_keep_only_for
from .given_again import asked_purposes, given_again, others_withdrawn, stands_told
from .guardianship import guardian_only, ticket_withdraw_guardian, ward_told, wards_carry_out
from .models import Ticket
from .self_acting import withdrawal_stop

Type = Ticket.Type
# A withdrawal of every consent, one of which the person gave again since (given_again.py).
OTHERS_WITHDRAWN = _(
    "Your other consents are withdrawn, and we no longer process your data for them: we keep "
    "it only for what remains in force."
)


def withdrawal_keeps(ticket: Ticket) -> list[str]:
    """The purposes for which a withdrawal leaves the data in place: those whose consent stands
    (a block aside) and that it does not withdraw, another purpose's, or one the person gave
    again after their last word on the request (given_again.py), before the carrying out as
    after it. Compliance L14: the data is destroyed only when none is left; a withdrawal of
    every purpose leaves none but a consent given again."""
    if ticket.type != Type.WITHDRAW or ticket.subject_id is None:
        return []
    asked, again = asked_purposes(ticket), given_again(ticket, ticket.subject)
    standing = gate.consents_standing(ticket.subject)
    return [code for code in standing if code not in asked or code in again]


@transaction.atomic
def ticket_withdraw(ticket: Ticket, *, actor: AbstractBaseUser | None, words: str = "") -> Ticket:
    """Carry out a withdrawal; the gate for the purpose closed at confirmation already. With
    consent for another purpose still standing, the data stays for that purpose only and the
    person is told so; otherwise it is destroyed. From a parent's or guardian's address, each
    child they act for is answered so too (guardianship.wards_carry_out), in the same letter;
    from one with no record of their own, only the children (ticket_withdraw_guardian)."""
    require_open(ticket, allowed_when_blocked=True)
    # What the letter says is stopped is stopped, of what the person (or the parent, for each
    # child) had consented to by their last word on the request: one given again since stands.
    withdrawal_stop(ticket, actor=actor)
    if guardian_only(ticket):
        return ticket_withdraw_guardian(ticket, actor=actor, words=words)
    children = wards_carry_out(ticket, actor=actor) if ticket.as_guardian else []
    kept = withdrawal_keeps(ticket)
    with translation.override(ticket.language):
        # None when nothing keeps the data: a consent to processing abroad given again alone.
        again = given_again(ticket, ticket.subject) if kept else {}
        if ticket.guardian_id:  # a parent's for the child (the desk): told of the child
            others = others_withdrawn(ticket, ticket.subject, again)
            outcome = ward_told(ticket.guardian, ticket.get_purpose_display(), kept, again, others)
        elif again:
            # Given again since the person's last word on it: it stands, and they are told so.
            told = stands_told(again)
            if not ticket.purpose and others_withdrawn(ticket, ticket.subject, again):
                told.append(str(OTHERS_WITHDRAWN))  # every consent: the others are withdrawn
            outcome = "\n\n".join([*told, *children])
        elif not kept:
            outcome = "\n\n".join([str(DESTROYED_UNDER_ADDRESS), *children])
        else:
            # What only the withdrawn purpose needed goes now; the rest stays for the others.
            outcome = _(
                "Your consent for “%(purpose)s” is withdrawn, and we no longer process your "
                "data for it. Your other consents remain in force, so we keep your data only "
                "for them."
            ) % {"purpose": ticket.get_purpose_display()}
            outcome = "\n\n".join([outcome, *children])
        if not kept:
            return ticket_destroy(ticket, actor=actor, words=words, outcome=outcome)
    subject_keep_only_for(ticket.subject, kept, request_ref=ticket.reference, actor=actor)
    return ticket_close(ticket, outcome=outcome, actor=actor, detail={"kept": kept}, words=words)
