"""The requests desk in the admin: one panel per request type, each calling one operation."""

from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Ticket
from .tickets import (
    ANSWERED,
    ticket_answer,
    ticket_answer_access,
    ticket_block,
    ticket_close,
    ticket_correct,
    ticket_destroy,
    ticket_refuse,
    ticket_unblock,
    ticket_withdraw,
    withdrawal_keeps,
)

Type = Ticket.Type
CORRECTABLE = ["full_name", "email", "phone", "birth_date", "birth_place"]
# What the written answer usually says: the operator publishes no personal data and makes no
# decision by automated means only. Staff check and write it; nothing is answered automatically.
ANSWER_HELP = {
    Type.PUBLICATION_REMOVAL: _(
        "We publish no personal data, so the answer usually explains that. If the person's data "
        "did appear somewhere we publish, remove it first and say what was removed."
    ),
    Type.TRANSFER_NOTICE: _(
        "Write which third parties received the person's data, when and why (the consent texts "
        "name the recipients and cross-border processors), or that none did."
    ),
    Type.AUTOMATED_OBJECTION: _(
        "We make no decisions about people by automated means only, so the answer usually "
        "explains that a staff member decides. If such processing did occur, decide on the "
        "objection and tell the person the decision."
    ),
}


class ActionForm(forms.Form):
    """What staff enter to carry out or refuse a request; fields shown depend on its type."""

    desk_action = forms.ChoiceField(
        choices=[("do", _("carry out")), ("refuse", _("refuse with reasons"))],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason or answer"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    document = forms.CharField(label=_("Supporting document"), required=False, max_length=300)
    full_name = forms.CharField(label=_("full name"), required=False, max_length=300)
    email = forms.EmailField(label=_("email"), required=False)
    phone = forms.CharField(label=_("phone"), required=False, max_length=20)
    birth_date = forms.DateField(label=_("date of birth"), required=False)
    birth_place = forms.CharField(label=_("place of birth"), required=False, max_length=300)

    def __init__(self, *args: Any, ticket: Ticket, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ticket = ticket
        if ticket.type != Type.CORRECT:
            for name in ["document", *CORRECTABLE]:
                del self.fields[name]
        elif ticket.subject_id and not self.is_bound:
            for name in CORRECTABLE:
                self.fields[name].initial = getattr(ticket.subject, name)

    def do_note(self) -> str | Promise:
        """What "carry out" does to the data, for the types where it may destroy it."""
        ticket = self.ticket
        if ticket.type == Type.WITHDRAW and withdrawal_keeps(ticket):
            return _("Consent for other purposes still stands: the data is kept for them, and "
                     "the person is told that the withdrawal is done.")  # fmt: skip
        if ticket.type in (Type.DESTROY, Type.WITHDRAW):
            return _("Carrying this out destroys all of the person's data.")
        return ANSWER_HELP.get(ticket.type, "")


def carry_out(ticket: Ticket, form: ActionForm, user: AbstractBaseUser | None) -> Ticket:
    """Run the operation for the request's type (export and withdrawal have their own steps)."""
    data = form.cleaned_data
    if data["desk_action"] == "refuse":
        return ticket_refuse(ticket, reason=data["reason"], actor=user)
    if ticket.type == Type.CORRECT:
        changes = {f: data[f] for f in CORRECTABLE if data.get(f) not in (None, "")}
        return ticket_correct(ticket, changes=changes, document=data["document"], actor=user)
    if ticket.type == Type.BLOCK:
        return ticket_block(ticket, reason=data["reason"], actor=user)
    if ticket.type == Type.UNBLOCK:
        return ticket_unblock(ticket, reason=data["reason"], actor=user)
    if ticket.type == Type.ACCESS:
        return ticket_answer_access(ticket, actor=user)
    if ticket.type == Type.WITHDRAW:
        return ticket_withdraw(ticket, actor=user)
    if ticket.type == Type.DESTROY:
        return ticket_destroy(ticket, actor=user)
    if ticket.type in ANSWERED:
        return ticket_answer(ticket, answer=data["reason"], actor=user)
    return ticket_close(ticket, outcome=data["reason"], actor=user)
