"""The requests desk in the admin: one panel per request type, each calling one operation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Request
from .requests import (
    ANSWERED,
    request_answer,
    request_answer_access,
    request_block,
    request_close,
    request_correct,
    request_destroy,
    request_refuse,
    request_unblock,
    request_withdraw,
    withdrawal_keeps,
)

Type = Request.Type
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

    def __init__(self, *args, request_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        if request_obj.type != Type.CORRECT:
            for name in ["document", *CORRECTABLE]:
                del self.fields[name]
        elif request_obj.subject_id and not self.is_bound:
            for name in CORRECTABLE:
                self.fields[name].initial = getattr(request_obj.subject, name)

    def do_note(self):
        """What "carry out" does to the data, for the types where it may destroy it."""
        req = self.request_obj
        if req.type == Type.WITHDRAW and withdrawal_keeps(req):
            return _("Consent for other purposes still stands: the data is kept for them, and "
                     "the person is told that the withdrawal is done.")  # fmt: skip
        if req.type in (Type.DESTROY, Type.WITHDRAW):
            return _("Carrying this out destroys all of the person's data.")
        return ANSWER_HELP.get(req.type, "")


def carry_out(req, form, user):
    """Run the operation for the request's type (export and withdrawal have their own steps)."""
    data = form.cleaned_data
    if data["desk_action"] == "refuse":
        return request_refuse(req, reason=data["reason"], actor=user)
    if req.type == Type.CORRECT:
        changes = {f: data[f] for f in CORRECTABLE if data.get(f) not in (None, "")}
        return request_correct(req, changes=changes, document=data["document"], actor=user)
    if req.type == Type.BLOCK:
        return request_block(req, reason=data["reason"], actor=user)
    if req.type == Type.UNBLOCK:
        return request_unblock(req, reason=data["reason"], actor=user)
    if req.type == Type.ACCESS:
        return request_answer_access(req, actor=user)
    if req.type == Type.WITHDRAW:
        return request_withdraw(req, actor=user)
    if req.type == Type.DESTROY:
        return request_destroy(req, actor=user)
    if req.type in ANSWERED:
        return request_answer(req, answer=data["reason"], actor=user)
    return request_close(req, outcome=data["reason"], actor=user)
