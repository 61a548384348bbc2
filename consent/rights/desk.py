"""The requests desk in the admin: one panel per request type, each calling one operation."""

from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consent.common.i18n import language_name
from consent.common.text import NOTE_MAX_CHARS, clean_form_text, clean_name, validate_name
from consent.core import gate
from consent.core.models import Subject
from consent.core.phones import phone_shown
from consent.core.purposes import purpose_choices

from .access import ticket_answer_access
from .answer_language import other_language_refusal
from .answers import (
    ticket_answer,
    ticket_block,
    ticket_close_unconfirmed,
    ticket_correct,
    ticket_destroy,
    ticket_destroy_instead,
    ticket_destroy_unlawful,
    ticket_refuse,
    ticket_unblock,
)
from .closing import OUTGROWN, ticket_close
from .desk_notes import ANSWER_HELP, OUTGROWN_NOTE, close_note, destroys_note, guardian_note
from .given_again import given_again
from .guardianship import (
    guardian_only,
    ticket_answer_guardian_access,
    ticket_close_outgrown,
    ticket_destroy_guardian,
)
from .models import Ticket
from .retyping import ticket_reclassify
from .self_acting import unsubscribe_carry_out
from .tickets import ANSWERED
from .withdrawals import ticket_withdraw, withdrawal_keeps

Type, Status = Ticket.Type, Ticket.Status
CORRECTABLE = ["full_name", "email", "phone", "birth_date", "birth_place"]
# What the panel's buttons do, and what the officer is told once it is done.
ACTIONS = {
    "do": (_("carry out"), _("Done: the person has been answered.")),
    "refuse": (_("refuse with reasons"), _("Done: the person has been answered.")),
    "destroy_instead": (_("destroy instead of correcting"),
                        _("Done: the data is destroyed and the person has been answered.")),
    "destroy_unlawful": (_("destroy: processing found unlawful"),
                         _("Done: the data is destroyed and the person has been answered.")),
    "close": (_("close unconfirmed"), _("The request is closed.")),
    "outgrown": (_("close: the child is 18 now"), _("The request is closed: the parent has "
                                                    "been told.")),
    "retype": (_("change the type"), _("The request's type is changed.")),
}  # fmt: skip


class ActionForm(forms.Form):
    """What staff enter on a request's panel; the actions and fields offered depend on its
    state and type. A confirmed request is carried out, refused or re-typed (a correction may
    instead be destroyed); one waiting for the person can only be closed unconfirmed (once
    Ticket.closable_as allows) or re-typed: nothing else may happen before the person confirms
    (compliance L9), a refusal included, since its reasons would reach an unconfirmed sender."""

    desk_action = forms.ChoiceField(widget=forms.HiddenInput, error_messages={
        "required": _("This action is not offered for this request."),
        "invalid_choice": _("This action is not offered for this request."),
    })  # fmt: skip
    reason = forms.CharField(
        label=_("Reason or answer"), required=False, max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    document = forms.CharField(label=_("Supporting document"), required=False, max_length=300)
    full_name = forms.CharField(label=_("full name"), required=False, max_length=300)
    email = forms.EmailField(label=_("email"), required=False)
    phone = forms.CharField(
        label=_("phone"), required=False, max_length=Subject._meta.get_field("phone").max_length
    )
    birth_date = forms.DateField(label=_("date of birth"), required=False)
    birth_place = forms.CharField(label=_("place of birth"), required=False, max_length=300)
    new_type = forms.ChoiceField(label=_("New type"), required=False)
    new_purpose = forms.ChoiceField(
        label=_("purpose"), required=False, choices=[("", _("every purpose")), *purpose_choices()],
        help_text=_("Only for a withdrawal of consent."),
    )  # fmt: skip

    RETYPE_FIELDS = ("new_type", "new_purpose")

    def __init__(self, *args: Any, ticket: Ticket, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ticket = ticket
        # A reply filed with an earlier request can only be opened as a request of its own.
        actions = [] if ticket.is_filed else ["close"] if ticket.is_waiting else ["do"]
        # Not what the law leaves no room to refuse (a withdrawal of the news): Ticket.refusable.
        self.refusable = actions == ["do"] and ticket.refusable
        actions += ["refuse"] if self.refusable else []
        self.blocked = ticket.subject_id is not None and gate.is_blocked(ticket.subject)
        self.guardian_only = guardian_only(ticket)
        self.outgrown = ticket.is_open and ticket.outgrown  # only closed so (clean)
        actions += ["outgrown"] if self.outgrown else []
        if (ticket.type == Type.CORRECT and not ticket.is_waiting and not self.blocked
                and not self.guardian_only):  # fmt: skip
            actions.append("destroy_instead")
        if ticket.type == Type.UNBLOCK and ticket.status == Status.OPEN and self.blocked:
            actions.append("destroy_unlawful")
        self.fields["desk_action"].choices = [(a, ACTIONS[a][0]) for a in [*actions, "retype"]]
        # The field takes every type; the list offers those but the request's own (a filed
        # reply is opened as its own). The own type, posted by hand, is refused by the
        # operation (retyping.ticket_reclassify) in words naming no code.
        # The empty choice as every other select of the admin says it («— Нұсқаны таңдаңыз —»).
        self.fields["new_type"].choices = [("", BLANK_CHOICE_LABEL), *Type.choices]
        self.fields["new_type"].widget.choices = [
            ("", BLANK_CHOICE_LABEL),
            *((v, label) for v, label in Type.choices if v != ticket.type or ticket.is_filed),
        ]
        for field in self.fields.values():  # the admin's own input widths
            kind = "vLargeTextField" if isinstance(field.widget, forms.Textarea) else "vTextField"
            field.widget.attrs.setdefault("class", kind)
        if ticket.is_waiting or ticket.is_filed:
            for name in ["reason", "document", *CORRECTABLE]:
                del self.fields[name]
        elif ticket.type != Type.CORRECT or self.guardian_only:
            for name in ["document", *CORRECTABLE]:
                del self.fields[name]
        elif ticket.subject_id and not self.is_bound:
            for name in CORRECTABLE:
                self.fields[name].initial = getattr(ticket.subject, name)
            self.fields["phone"].initial = phone_shown(ticket.subject.phone)  # as pages show it
        if "reason" in self.fields:
            # The answer goes out inside a letter in the request's language: an officer working
            # in the other one wrote a Russian paragraph into a Kazakh letter, or the reverse.
            language = language_name(ticket.language).lower()  # as the reader names it
            self.fields["reason"].help_text = " ".join((
                _(
                    "The person receives it inside a letter in the language of their request, "
                    "%(language)s: write it in that language."
                ) % {"language": language},
                # It stays with the request until the person's data is destroyed (compliance
                # L13): whatever else is typed here is held as long, and shown on the desk.
                str(_(
                    "Do not type any other personal data here (a document's number, an "
                    "address, a telephone number, someone else's name): the request keeps "
                    "what is written here."
                )),
            ))  # fmt: skip

    # What the officer typed, as it reads (as a visitor's text is): a zero-width space pasted
    # from a letter was a refusal's «reasons», mailed as nothing, or a correction's document.
    def clean_reason(self) -> str:
        reason = clean_form_text(self.cleaned_data["reason"], multiline=True)
        if refusal := other_language_refusal(reason, self.ticket.language):
            raise ValidationError(refusal)  # the letter it goes into is wholly the person's
        return reason

    def clean_document(self) -> str:
        return clean_form_text(self.cleaned_data["document"], multiline=False)

    # A corrected name is stored as a form stores one (compatibility letters as plain ones),
    # and refused as a form refuses one (an emoji in it, or no letter).
    def clean_full_name(self) -> str:
        name = clean_name(self.cleaned_data["full_name"])
        validate_name(name)
        return name

    def clean_birth_place(self) -> str:
        place = clean_name(self.cleaned_data["birth_place"])
        validate_name(place, place=True)
        return place

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.outgrown and data.get("desk_action") not in (None, "outgrown"):
            raise ValidationError(OUTGROWN)  # a page shown before midnight: why nothing is done
        retype = data.get("desk_action") == "retype"
        if retype and not data.get("new_type") and "new_type" not in self.errors:  # not twice
            self.add_error("new_type", _("Choose the request's new type."))
        return data

    # An operation names the argument it refused; the panel's field that fed it.
    FIELD_OF_ARGUMENT = {"answer": "reason"}

    def add_refusal(self, error: ValidationError) -> None:
        """An operation's refusal, shown at the field it is about (the document of a
        correction, the reasons of a refusal) or above the panel when it is about no field."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for argument, errors in error.error_dict.items():
            field = self.FIELD_OF_ARGUMENT.get(argument, argument)
            self.add_error(field if field in self.fields else None, errors)

    def action_fields(self) -> list[forms.BoundField]:
        """The fields of carrying out or refusing (a waiting request has none)."""
        return [f for f in self.visible_fields() if f.name not in self.RETYPE_FIELDS]

    def retype_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.RETYPE_FIELDS]

    def done_message(self) -> str | Promise:
        return ACTIONS[self.cleaned_data["desk_action"]][1]

    def do_note(self) -> str | Promise:
        """What "carry out" does to the data, for the types where it may destroy it."""
        ticket = self.ticket
        if self.outgrown:
            return OUTGROWN_NOTE
        if self.guardian_only:
            return guardian_note(ticket)
        if ticket.type == Type.WITHDRAW and withdrawal_keeps(ticket):
            if given_again(ticket, ticket.subject):
                return _("The person gave a consent this request withdraws again after it: that "
                         "consent stands and is not withdrawn, the data is kept for it, and the "
                         "person is told so and how to withdraw it.")  # fmt: skip
            return _("Consent for other purposes still stands: the data is kept for them, and "
                     "the person is told that the withdrawal is done.")  # fmt: skip
        if ticket.type in (Type.DESTROY, Type.WITHDRAW):
            return destroys_note(ticket)
        if ticket.type == Type.CORRECT:
            return _("Change what the document supports. Empty a field to remove that item (a "
                     "phone number the person wants removed); the email address can only be "
                     "replaced.")  # fmt: skip
        if ticket.type == Type.ACCESS:
            return _("Carrying this out makes the answer from the data held today and mails it "
                     "to the address on record, as JSON and PDF.")  # fmt: skip
        return ANSWER_HELP.get(ticket.type, "")

    def blocked_note(self) -> str | Promise:
        """Compliance L12: what a block leaves the officer to do with this request."""
        if not self.blocked or self.ticket.status != Status.OPEN:
            return ""
        if self.ticket.type == Type.WITHDRAW and withdrawal_keeps(self.ticket):
            return ""  # nothing is destroyed: do_note says what is kept
        if self.ticket.type in (Type.DESTROY, Type.WITHDRAW):
            return _("Processing of this person's data is blocked. The law allows blocked data "
                     "to be destroyed at the person's own request, as here: carrying this out "
                     "destroys it, and the block ends with it.")  # fmt: skip
        if self.ticket.type == Type.BLOCK:
            return _("Processing of this person's data is already blocked: carrying this out "
                     "tells the person so, and the block stands as it is.")  # fmt: skip
        if self.ticket.type == Type.ACCESS and self.ticket.is_own:
            return _("Processing of this person's data is blocked, but a block does not suspend "
                     "the person's right to know what is held about them: carrying this out "
                     "mails the export to the person themself, at the address on record, and "
                     "records that it was given while blocked. Nothing else is done with the "
                     "data.")  # fmt: skip
        if self.ticket.type == Type.UNBLOCK:
            return _("If the check the block was for found the processing lawful, carry this "
                     "out: processing resumes. If it found it unlawful, destroy the data instead "
                     "and write the finding above: the person receives it.")  # fmt: skip
        return _("Processing of this person's data is blocked: this request can only be "
                 "refused with reasons until it is unblocked. The data can be destroyed only at "
                 "the person's own request, or when the block ends with a finding that the "
                 "processing was unlawful.")  # fmt: skip

    def destroy_instead_note(self) -> str | Promise:
        """Compliance L11: data that cannot be verified may be destroyed instead of corrected."""
        return destroys_note(self.ticket, _(
            "If the data cannot be verified, it may be destroyed instead of corrected. Write why "
            "in the field above (no personal data: the request keeps it after the destruction, "
            "and the person receives it). This destroys all of the person's data, as a "
            "destruction request would."
        ))  # fmt: skip

    def close_note(self) -> str | Promise:
        """Whether, and from when, a waiting request can be closed (desk_notes.close_note)."""
        return close_note(self.ticket)

    def can_close(self) -> bool:
        return self.ticket.closable_as(timezone.now()) is not None


def actions_offered(ticket: Ticket, panel: ActionForm | None = None) -> list[str]:
    """The panel's actions for `ticket` as it is now: what the page's «state» records
    (admin.shown.page_state), since more than its status and type decide them (the person's
    block, the child's 18th birthday). `panel`: the page's own, made for `ticket` just now."""
    panel = panel or ActionForm(ticket=ticket)
    return [choice[0] for choice in panel.fields["desk_action"].choices]


def carry_out(ticket: Ticket, form: ActionForm, user: AbstractBaseUser | None) -> Ticket:
    """Run the operation for the panel's action and the request's type (export and
    withdrawal have their own steps)."""
    data = form.cleaned_data
    action = data["desk_action"]
    if action == "retype":
        return ticket_reclassify(
            ticket, kind=data["new_type"], purpose=data["new_purpose"] or "", actor=user
        )
    if action == "close":
        return ticket_close_unconfirmed(ticket, actor=user)
    if action == "outgrown":
        return ticket_close_outgrown(ticket, actor=user)
    if action == "refuse":
        return ticket_refuse(ticket, reason=data["reason"], actor=user)
    if action == "destroy_instead":
        return ticket_destroy_instead(ticket, reason=data["reason"], actor=user)
    if action == "destroy_unlawful":
        return ticket_destroy_unlawful(ticket, reason=data["reason"], actor=user)
    # The officer's words beside an answer of fixed text reach the person and stay with the
    # request (closing.with_officer_words); where the answer is the words, they are required.
    words = data.get("reason", "")
    if ticket.type == Type.UNSUBSCRIBE:  # as the person's confirmation carries it out
        return unsubscribe_carry_out(ticket, actor=user, words=words)
    if guardian_only(ticket):
        # A parent or guardian with no record of their own: what they gave for a child is
        # shown or destroyed; anything else is answered in writing (GUARDIAN_NOTES).
        if ticket.type == Type.ACCESS:
            return ticket_answer_guardian_access(ticket, actor=user, words=words)
        if ticket.type == Type.DESTROY:
            return ticket_destroy_guardian(ticket, actor=user, words=words)
        if ticket.type == Type.WITHDRAW:  # for each child they act for (guardianship.py)
            return ticket_withdraw(ticket, actor=user, words=words)
        return ticket_answer(ticket, answer=words, actor=user)
    if ticket.type == Type.CORRECT:
        # A field the panel posted empty is to be cleared (a number the person wants removed);
        # one it did not post at all is left as it is.
        changes = {f: data.get(f) for f in CORRECTABLE if form.add_prefix(f) in form.data}
        return ticket_correct(ticket, changes=changes, document=data["document"], actor=user,
                              words=words)  # fmt: skip
    if ticket.type == Type.BLOCK:
        return ticket_block(ticket, reason=words, actor=user, words=words)
    if ticket.type == Type.UNBLOCK:
        return ticket_unblock(ticket, reason=words, actor=user, words=words)
    if ticket.type == Type.ACCESS:
        return ticket_answer_access(ticket, actor=user, words=words)
    if ticket.type == Type.WITHDRAW:
        return ticket_withdraw(ticket, actor=user, words=words)
    if ticket.type == Type.DESTROY:
        return ticket_destroy(ticket, actor=user, words=words)
    if ticket.type in ANSWERED:
        return ticket_answer(ticket, answer=words, actor=user)
    return ticket_close(ticket, outcome=words, actor=user)
