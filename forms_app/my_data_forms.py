"""The self-service ("my data") forms: asking for the emailed link, and the page's actions
behind it."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consent.core.purposes import PURPOSES
from consent.rights.models import Ticket
from consent.rights.selfservice import OPTIONAL

from .details import DetailsNeeded
from .fields import EmailAddress, long_text
from .guarded import CHOOSE, NOT_OFFERED, AccessibleErrors, GuardedForm


class SelfServiceForm(GuardedForm):
    email = EmailAddress(label=_("The email address you gave us"))
    data_fields = {"email": "email"}


# --- the self-service page's actions (behind the emailed link; no token, the session is the
# credential). Every field is a form field, so nothing reaches the operations unchecked.

SELF_SERVICE_REQUESTS = (Ticket.Type.CORRECT, Ticket.Type.BLOCK, Ticket.Type.DESTROY)
# While their processing is blocked, a person asks to lift the block in the block's place
# (Art. 25(2)(8)): the page offered no way to, and said nothing of one.
BLOCKED_REQUESTS = (Ticket.Type.CORRECT, Ticket.Type.UNBLOCK, Ticket.Type.DESTROY)
ANY_REQUEST = {t.value for t in (*SELF_SERVICE_REQUESTS, *BLOCKED_REQUESTS)}


class ConsentSwitchForm(forms.Form):
    """A consent button: its name says which way, its value the purpose. The buttons belong to
    the page's request form (my_data.html), so that a request being written comes along; the
    view reads purpose and give."""

    choices = [(p, PURPOSES[p].name) for p in OPTIONAL]
    give = forms.ChoiceField(required=False, choices=choices, error_messages=NOT_OFFERED)
    withdraw = forms.ChoiceField(required=False, choices=choices, error_messages=NOT_OFFERED)

    def clean(self):
        given, withdrawn = self.cleaned_data.get("give"), self.cleaned_data.get("withdraw")
        if not self.errors and bool(given) == bool(withdrawn):  # none, or both at once
            raise forms.ValidationError(NOT_OFFERED["invalid_choice"])
        return {"purpose": given or withdrawn, "give": bool(given)}


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES, error_messages=NOT_OFFERED)


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        required=False, choices=[("json", "JSON"), ("pdf", "PDF")], error_messages=NOT_OFFERED
    )

    def clean_format(self):
        return self.cleaned_data["format"] or "json"


class SelfServiceRequestForm(DetailsNeeded, AccessibleErrors, forms.Form):
    type = forms.ChoiceField(
        label=_("Ask us to"),
        choices=[(t.value, t.label) for t in SELF_SERVICE_REQUESTS],
        widget=forms.RadioSelect,
        error_messages={**NOT_OFFERED, **CHOOSE},
    )
    message = long_text(_("Details"), rows=3)  # its label mark and help: DetailsNeeded

    def __init__(self, *args, blocked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocked = blocked  # what the page says of the block too (my_data._my_data_page)
        if blocked:
            self.fields["type"].choices = [(t.value, t.label) for t in BLOCKED_REQUESTS]
            self.say_when_details_needed()


class WardForm(forms.Form):
    """A button or form of a parent's page of their children (forms_app/my_children.py): the
    child's guardian row, one the address acts for now (its choices)."""

    child = forms.TypedChoiceField(
        coerce=int, error_messages={**NOT_OFFERED, "required": NOT_OFFERED["invalid_choice"]}
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [(str(row.pk), str(row.pk)) for row in rows]


class WardWithdrawForm(WardForm):
    """A parent's «withdraw» button: the child and the optional consent."""

    withdraw = forms.ChoiceField(
        choices=[(p, PURPOSES[p].name) for p in OPTIONAL],
        error_messages={**NOT_OFFERED, "required": NOT_OFFERED["invalid_choice"]},
    )


class WardExportForm(WardForm, ExportForm):
    """A parent's «download the child's data» button."""


# What a parent asks on the child's page (Art. 24): access is the download, at once. While the
# child's data is blocked, its lifting instead of a block (Art. 25(2)(8)): the parent could have
# a block put on and never lifted, the page saying the data could not be downloaded «until the
# block is lifted» and offering no way to ask for it.
WARD_REQUESTS = (Ticket.Type.CORRECT, Ticket.Type.BLOCK)
WARD_BLOCKED_REQUESTS = (Ticket.Type.CORRECT, Ticket.Type.UNBLOCK)


class WardRequestForm(DetailsNeeded, AccessibleErrors, WardForm):
    type = forms.ChoiceField(
        label=_("Ask us to"),
        choices=[(t.value, t.label) for t in WARD_REQUESTS],
        widget=forms.RadioSelect,
        error_messages={**NOT_OFFERED, **CHOOSE},
    )
    message = long_text(_("Details"), rows=3)  # its label mark and help: DetailsNeeded

    def __init__(self, *args, blocked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if blocked:
            self.fields["type"].choices = [(t.value, t.label) for t in WARD_BLOCKED_REQUESTS]
            self.say_when_details_needed()
