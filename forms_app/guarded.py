"""What every form a visitor sends is made of, public or on their own page: the one-time token
and the honeypot, fields that tell screen readers whether they are in error, a dropped or unread
upload named at its field, when a field is marked «optional», and what a choice refused says."""

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

# A set of radio buttons is chosen from, not filled in.
CHOOSE = {"required": _("Choose one of the options.")}
# A box left empty says what to do, as the forms' other messages do: Django's «This field is
# required.» («Обязательное поле.», «Бұл өрісті толтыру міндетті.») named the fault, not the fix.
DJANGO_REQUIRED = forms.Field.default_error_messages["required"]
FILL_IN = _("Fill in this field.")
# Only a tampered post sends a value a list does not offer: the message does not repeat it back
# (Django's does, however long it is).
NOT_OFFERED = {"invalid_choice": _("This choice is not offered. Reload the page and try again.")}
# Posted in place of a part of the post too long to read (emalu/uploads.py::unread_part): a file
# with a name of thousands of letters.
UNREAD = "_unread_part"
UNREAD_FILE = _(
    "The attached file could not be read: its name is too long. Rename the file to a short name "
    "and attach it again."
)


def marked_optional(field):
    """Whether the page marks a field «optional»: not one required in some cases only (its
    `required_when` says which, in the mark's place: _field.html)."""
    return not field.required and not getattr(field, "required_when", None)


class StatedField(BoundField):
    """A field that tells screen readers whether it is in error, both ways. Left unsaid,
    Chromium takes an empty required box, radio, list or date field for invalid from the start
    (its HTML validity; `novalidate` does not change it), and a screen reader says "invalid
    entry" on each of them on a form nobody has sent yet."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if not (widget or self.field.widget).is_hidden:
            attrs["aria-invalid"] = "true" if self.errors else "false"
        return attrs


class AccessibleErrors:
    """A field in error says so to screen readers and points at its message."""

    bound_field_class = StatedField

    def full_clean(self):
        for field in self.fields.values():  # fields added in a form's __init__ too
            if field.error_messages.get("required") is DJANGO_REQUIRED:
                field.error_messages["required"] = FILL_IN
        super().full_clean()
        self.describe_errors()

    def describe_errors(self):
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"{self[name].auto_id}_error"]
                if self.fields[name].help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                attrs["aria-describedby"] = " ".join(described)


class GuardedForm(AccessibleErrors, forms.Form):
    """The one-time token and the honeypot of every public form."""

    data_fields = {}
    consent_purposes = ()

    token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned = super().clean()
        if UNREAD in self.data:
            files = [n for n, f in self.fields.items() if isinstance(f, forms.FileField)]
            self.add_error(files[0] if files else None, UNREAD_FILE)
        return cleaned

    def consent_fields(self):
        return [self[f"consent_{p}"] for p in self.consent_purposes]

    def data_bound_fields(self):
        return [self[name] for name in self.fields if name in self.data_fields]

    def collected(self):
        """The data items (purposes.DATA_FIELDS codes) this form asks for, as shown now (the
        application form without a service to choose asks for none): what its consent texts
        name (Art. 8(4)(2))."""
        return sorted({self.data_fields[name] for name in self.fields if name in self.data_fields})

    def has_optional_fields(self):
        """Whether the page needs to say that fields marked optional may be left empty."""
        return any(marked_optional(field.field) for field in self.data_bound_fields())

    def note_dropped_upload(self, files):
        """A page with errors cannot hand back a file the visitor attached (browsers do not
        refill file inputs): say so at the field, so nothing is lost unseen."""
        message = _(
            "The file you attached was not kept, because the form had to be shown again. "
            "Please attach it again."
        )
        for name, field in self.fields.items():
            dropped = isinstance(field, forms.FileField) and self.add_prefix(name) in files
            if dropped and name not in self.errors:
                self.add_error(name, message)
        self.describe_errors()
