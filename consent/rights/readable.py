"""The access export laid out for reading: the same content as the JSON, as a PDF, wholly in the
person's language: times as its pages and letters write them, the long local date in Almaty
time (dates.document_time), languages and choices by their names, a yes or a no as the
lower-case labels beside it are written (compliance L10)."""

import base64
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from consent.common.dates import document_time
from consent.common.pdf import Picture, pdf_document
from consent.core.models import Subject
from consent.core.phones import phone_shown
from consent.core.purposes import DATA_FIELDS, PurposeNames

from .evidence import exported_line
from .export import export_data
from .export_sections import SECTIONS


def export_pdf(subject: Subject, language: str) -> bytes:
    """The same content as the JSON, laid out for reading: a heading per section, a block per
    row, every label in the person's language."""
    data = export_data(subject, language)
    with translation.override(language):
        title = _("Personal data held about data subject #%(id)s") % {"id": subject.pk}
        subtitle = "\n".join(
            [
                exported_line(),
                _("Operator: %(operator_name)s, BIN %(bin)s.")
                % {"operator_name": data["operator"], "bin": data["bin"]},
                _("Where the data is stored: %(place)s.") % {"place": data["stored_in"]},
                data["backups"],
                _("All times are Almaty time."),
            ]
        )
        blocks = []
        for key, (heading, fields) in SECTIONS.items():
            items = data[key] if isinstance(data[key], list) else [data[key]]
            if not items:
                blocks.append((str(heading), [("", "—")]))
            for n, item in enumerate(items):
                rows = [(str(fields[k]), _value(v, k)) for k, v in item.items() if k in fields]
                rows = [(k, v) for k, v in rows if v]  # the JSON keeps the empty ones
                blocks.append((str(heading) if n == 0 else "", rows))
        return pdf_document(title, subtitle, blocks)


# What holds a phone number (a guardian's contact may be one; a form's fields go under the names
# the consent texts use): written as it is dialled, in groups, an extension in the person's
# language («+7 7232 12 34 56, доб. 12»), not as held («+77232123456;ext=12»). An address or
# anything else that is not a number stays as it is.
PHONES = {"phone", "contact"}


def _value(value, key):
    """A row's value as the PDF shows it: a photo (export.Photos) as the picture, with the time
    it was received; anything else as text."""
    if key == "photo" and isinstance(value, dict):
        received = _("received %(time)s") % {"time": document_time(value["received"])}
        return Picture(base64.b64decode(value["base64"]), received)
    return _text(value, key)


def _text(value, key=""):
    if (key in PHONES or key == str(DATA_FIELDS["phone"])) and isinstance(value, str):
        return phone_shown(value)
    if isinstance(value, bool):
        # Beside «қазір өңделеді», «обрабатываются сейчас»: «иә», «да», not «Иә», «Да».
        return _("yes") if value else _("no")
    if isinstance(value, date):  # a datetime too
        return document_time(value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_text(v, k)}" for k, v in value.items())
    if isinstance(value, PurposeNames):  # labels with a capital letter: each in «», by «; »
        return str(value)
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return "" if value is None else str(value)
