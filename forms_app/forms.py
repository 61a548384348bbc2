"""The public forms; each field is an item of an approved data list (compliance L17)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consent.core.digests import (
    TEXTS_SHOWN,
    shown_read,
    shown_value,
    words_shown,
    words_unconfirmed,
)
from consent.core.gate import born_minor
from consent.core.models import Subject
from consent.core.nameless import NAME_PLACEHOLDER
from consent.core.phones import normalise_phone
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.core.subjects import clean_birth_date
from consent.core.texts import current_texts
from consent.core.transfers import consent_offered, purposes_shown
from consent.rights.models import Ticket

from . import services
from .address_typos import ContactInput
from .details import DetailsNeeded
from .fields import BirthDate, ConsentBox, EmailAddress, PhoneOrEmail, long_text, photo_field, text
from .guarded import CHOOSE, NOT_OFFERED, GuardedForm

# Why a ticked box is asked again (PublicForm.clean): the words its page showed are not the ones
# the ledger would record, or the post does not say which words its page showed.
TEXT_CHANGED = _(
    "This consent text is not worded as on the page you sent: it was updated after the page was "
    "opened, or the page was in another language. Read it again and tick the box if you agree."
)
TEXT_NOT_NAMED = _(
    "Your form did not say which consent text you read, so nothing was recorded. Read the text "
    "and tick the box if you agree."
)


class PublicForm(GuardedForm):
    """A form that collects personal data: with the consent boxes of its purposes."""

    # Which approved data item each field is (tests hold every form to this list).
    data_fields = {}
    # The purpose whose consent the form requires, and the optional ones it offers.
    required_purpose = SERVICE
    optional_purposes = (MARKETING, CROSS_BORDER)
    # The service consent names what the form sends, a whole sentence per form: Kazakh calls a
    # message «хабарлама», an application «өтінім» and a data-subject request «өтініш».
    service_label = ""

    def __init__(self, *args, texts=None, **kwargs):
        """`texts`: the current consent texts (current_texts()), when the caller holds them."""
        super().__init__(*args, **kwargs)
        self.texts = current_texts() if texts is None else texts
        # An optional consent only with a text to give it to; the cross-border one only while
        # someone abroad is named by it.
        offered = [p for p in self.optional_purposes if consent_offered(p, self.texts)]
        purposes = [self.required_purpose, *offered]
        labels = {
            SERVICE: self.service_label,
            MARKETING: _("I want to receive news and special offers by email."),
            CROSS_BORDER: _("I agree that the foreign services listed may process my data."),
        }
        if self.required_purpose == MARKETING:
            labels[MARKETING] = _("I agree to receive news and special offers by email.")
        for purpose in purposes:
            self.fields[f"consent_{purpose}"] = ConsentBox(
                label=labels[purpose], required=purpose == self.required_purpose
            )
            self.fields[f"consent_{purpose}"].purpose = purpose
        self.consent_purposes = purposes

    def texts_shown(self) -> str:
        """Which words of each purpose the page shows, posted back with the boxes
        (forms_app/templates/forms_app/_form.html): «service:12:<digest>,marketing:7:<digest>»,
        the text's id and the SHA-256 of its words as shown (digests.words_shown: in the
        page's language, naming the data this form collects). A consent is logged to the words
        the visitor read, or not at all."""
        return shown_value(self._shown_now())

    def _shown_now(self) -> dict[str, str]:
        """{purpose: "<text id>:<digest>"} of the words this form shows now, in the language
        active, of each purpose it asks for."""
        language = get_language() or "kk"
        return {
            p: words_shown(self.texts[p], language, NAME_PLACEHOLDER, self.collected())
            for p in self.consent_purposes
            if p in self.texts
        }

    def texts_changed(self, data) -> list[str]:
        """The purposes whose words the form would log are not the ones the posted page showed:
        a text published or altered while the visitor was filling the form in, a page kept
        from before (a cache, a tab left open), another language, another list of data (a
        service published or withdrawn since), another text's id. A post that names no texts,
        or names them malformed (no page of this site's), proves none: all of them."""
        return words_unconfirmed(data.get(TEXTS_SHOWN), self._shown_now())

    def clean(self):
        """A box ticked beside words the page did not show, or beside words the post does not
        name, is no consent to the ones in force (Law 94-V art. 8: the log proves the text
        agreed to): the box is shown again, empty, with the text to read."""
        cleaned = super().clean()
        changed = [p for p in self.texts_changed(self.data) if cleaned.get(f"consent_{p}")]
        if changed:
            named = shown_read(self.data.get(TEXTS_SHOWN)) is not None
            self.data = self.data.copy()
            for purpose in changed:
                self.data.pop(f"consent_{purpose}", None)
                self.add_error(f"consent_{purpose}", TEXT_CHANGED if named else TEXT_NOT_NAMED)
        return cleaned

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone"))

    def consents(self):
        return {p: bool(self.cleaned_data.get(f"consent_{p}")) for p in self.consent_purposes}

    def personal_data(self):
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name in self.data_fields and name != "photo" and not name.startswith("guardian")
        }


class ContactForm(PublicForm):
    full_name = text(_("Surname, first name and patronymic"), 300, autocomplete="name", name=True)
    email = EmailAddress(label=_("Email"))
    phone = text(
        _("Phone"),
        Subject._meta.get_field("phone").max_length,  # as typed, extension and all
        autocomplete="tel",
        help_text=_("A Kazakhstan number, e.g. +7 701 123 45 67."),
    )
    message = long_text(_("Message"), required=True, rows=6)

    data_fields = {
        "full_name": "full_name",
        "email": "email",
        "phone": "phone",
        "message": "message",
    }

    field_order = ["full_name", "email", "phone", "message"]
    service_label = _("I agree to the processing of my personal data for answering my message.")


# The parent's fields' autofill section (below).
GUARDIAN = "section-guardian"


class ApplicationForm(ContactForm):
    service_label = _("I agree to the processing of my personal data for answering my application.")
    birth_date = BirthDate(label=_("Date of birth"), help_text=_("For example 21.03.2001."))
    birth_place = text(_("Place of birth"), 300, name="place")
    # One of the published services (choices set per form); stored as its title in the
    # visitor's language, text as the free-text answers before it were.
    # Buttons, not a list box: a closed list box shows its choice on one line, cut at its edge
    # (a service's name, or «Choose a service» itself, with a phone's largest text).
    service = forms.ChoiceField(
        label=_("The service you want"),
        widget=forms.RadioSelect,
        # A list is chosen from, not filled in, left at its first line or sent a value it no
        # longer offers (a service unpublished while the page was open).
        error_messages=dict.fromkeys(
            ["invalid_choice", "required"], _("Choose a service from the list.")
        ),
    )
    photo = photo_field()
    # Another person's name and contact: a browser must not fill in the visitor's own (it took
    # «name» and «tel» for them), and a phone must not capitalise or correct an address. Their
    # own autofill section (GUARDIAN), not «off», which a browser never puts back: Back after an
    # error page found them empty, the boxes beside them still ticked.
    guardian_name = text(
        _("Parent's or guardian's full name"),
        300,
        required=False,
        name=True,
        autocomplete=f"{GUARDIAN} name",
    )
    guardian_contact = PhoneOrEmail(
        label=_("Parent's or guardian's phone or email"),
        # Guardian.pending: a parent's own address acts once confirmed by the child's.
        help_text=_(
            "Give the child's email here too, and you can see and manage the child's data online "
            "at once. With an email of your own, you can once the child confirms you from their "
            "email, or after you show a birth certificate or a guardianship decision at our "
            "office; with a phone alone, once you show it at our office and give us an email."
        ),
        max_length=254,
        required=False,  # its label says when it is needed (required_when, below)
        widget=ContactInput(
            attrs={
                "autocomplete": f"{GUARDIAN} email",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )
    consent_guardian = ConsentBox(
        label=_("I am the parent or guardian and I agree to the processing of the child's data."),
        required=False,
    )
    message = long_text(_("Message"))

    data_fields = {
        **ContactForm.data_fields,
        "birth_date": "birth_date",
        "birth_place": "birth_place",
        "service": "service",
        "photo": "photo",
        "guardian_name": "guardian",
        "guardian_contact": "guardian",
    }
    field_order = [
        "full_name",
        "email",
        "phone",
        "birth_date",
        "birth_place",
        "service",
        "photo",
        "message",
        "guardian_name",
        "guardian_contact",
        "consent_guardian",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.GUARDIAN_FIELDS:  # the page says when, not «optional»
            self.fields[name].required_when = _("required if you are under 18")
        offered = services.choices()
        if offered:
            self.fields["service"].choices = offered
            self.service_titles = dict(offered)
        else:  # nothing published: nothing to choose from, and nothing asked
            del self.fields["service"]

    def clean_service(self):
        return self.service_titles[self.cleaned_data["service"]]

    def clean_birth_date(self):
        return clean_birth_date(self.cleaned_data["birth_date"])

    def clean_photo(self):
        uploads = self.files.getlist(self.add_prefix("photo")) if self.files else []
        if len(uploads) > 1:
            raise ValidationError(_("Upload one photo only."), code="too_many")
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        from .images import sanitise_photo  # Pillow: loaded by the first photo, not at start-up

        return sanitise_photo(upload)

    def is_minor(self):
        return born_minor(self.cleaned_data.get("birth_date"))

    GUARDIAN_NEEDED = _(
        "You are under 18: a parent or guardian must give their name, contact "
        "and consent, or the application cannot be sent."
    )
    # A text field's own "required" message: it stands under the field's label and after it in
    # the error summary, where «Enter the parent's or guardian's full name» said the label twice.
    GUARDIAN_FIELDS = {
        "guardian_name": None,
        "guardian_contact": None,
        "consent_guardian": _("The parent or guardian ticks this box to give their consent."),
    }

    def clean(self):
        cleaned = super().clean()
        if self.is_minor():
            # The age rule once, for the whole form; each missing field says only what it needs.
            # A field refused already (a contact that is neither a phone nor an address) says so.
            missing = [
                name
                for name in self.GUARDIAN_FIELDS
                if not cleaned.get(name) and name not in self.errors
            ]
            if missing:
                self.add_error(None, self.GUARDIAN_NEEDED)
            for name in self.GUARDIAN_FIELDS:
                self.fields[name].required = True  # the page marks them required, not optional
            for name in missing:
                required = self.fields[name].error_messages["required"]
                self.add_error(name, self.GUARDIAN_FIELDS[name] or required)
        return cleaned

    def guardian(self):
        if not self.is_minor():
            return None
        return {
            "full_name": self.cleaned_data["guardian_name"],
            "contact": self.cleaned_data["guardian_contact"],
        }


class NewsletterForm(PublicForm):
    email = EmailAddress(label=_("Email"))
    full_name = text(_("Name"), 300, required=False, autocomplete="name", name=True)

    data_fields = {"email": "email", "full_name": "full_name"}
    required_purpose = MARKETING
    optional_purposes = ()


class RequestForm(DetailsNeeded, GuardedForm):
    """A request about one's own data. The address is only used to reach the person on record."""

    type = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=[c for c in Ticket.Type.choices if c[0] != Ticket.Type.UNBLOCK],
        widget=forms.RadioSelect,
        error_messages={**NOT_OFFERED, **CHOOSE},
    )
    email = EmailAddress(
        label=_("The email address you gave us"),
        help_text=_("We send a confirmation link to this address if we hold data linked to it."),
    )
    purpose = forms.ChoiceField(
        # Said so in the legend itself: it concerns a withdrawal only, whatever type is chosen,
        # and a page without JavaScript shows it under every choice.
        label=_("If you withdraw a consent, which one?"),
        required=False,
        widget=forms.RadioSelect,  # as the service's: a list box cuts its choice at its edge
        error_messages=NOT_OFFERED,
    )
    message = long_text(_("Details"))  # its label mark and help: DetailsNeeded

    data_fields = {"email": "email", "message": "message"}
    field_order = ["type", "email", "purpose", "message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a consent someone may hold: offered now, or given to a text published before.
        shown = [(code, PURPOSES[code].name) for code in purposes_shown()]
        self.fields["purpose"].choices = [("", _("All of them")), *shown]

    def data_bound_fields(self):
        return [self[name] for name in ("type", "email", "purpose", "message")]
