"""A common mail host mistyped by one letter, «asel@gmial.com», suggested on every form a visitor
types an address in (fields.EmailAddress, fields.PhoneOrEmail): the acknowledgement and the
confirmation link went to somebody else's domain, and the visitor waited for them in vain.

Unlike «gmail.con» (consent.core.domains.check_domain: no such ending, no mail can arrive), such
a domain exists, and may be the visitor's own: the suggestion is shown once for the address,
and the form takes it when it is sent again unchanged. What the form suggested travels with the
page, a hidden input beside the field (`TOLD`), so nothing is kept between the two sends."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.core.domains import near_miss

TOLD = "%s_suggested"  # the hidden input's name: the address the suggestion was made for


class SuggestionKept:
    """An address field's input, with the address a suggestion was made for beside it."""

    posted = ""  # the address the page sent back had been told about
    told = ""  # the address this page tells about (suggested() sets it)

    def value_from_datadict(self, data, files, name):
        self.posted = data.get(TOLD % name, "")
        return super().value_from_datadict(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.told:
            return html
        kept = '{}<input type="hidden" name="{}" value="{}">'
        return format_html(kept, html, TOLD % name, self.told)  # the widget's html is safe


class AddressInput(SuggestionKept, forms.EmailInput):
    pass


class ContactInput(SuggestionKept, forms.TextInput):
    pass


def suggested(widget: forms.Widget, address: str) -> str:
    """`address`, an address field's cleaned value, once the visitor has been asked about the
    common host it is one slip from: asked now (a ValidationError) unless the page they sent
    had asked about this very address. A field whose input cannot carry the question back
    (not a SuggestionKept) asks nothing: its visitor could never send the address again."""
    local, at, domain = address.rpartition("@")
    meant = near_miss(domain) if at and isinstance(widget, SuggestionKept) else None
    if meant is None:
        return address
    widget.told = address
    if widget.posted == address:
        return address
    raise ValidationError(
        _("Did you mean %(address)s? If %(typed)s is right as it is, send the form again."),
        code="near_miss",
        params={"address": f"{local}@{meant}", "typed": address},
    )
