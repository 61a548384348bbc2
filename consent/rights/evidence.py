"""Proof of consent for one subject (Art. 25(2)(5); compliance L4): every ledger row, CSV or PDF.

Both are in the staff member's language and written for a reader (a regulator, a court): times
as dates and times in Almaty, to the second, with the same moment in UTC beside them to set
against a log; the language, event, purpose and source by their names, not their codes.
"""

import base64
from collections.abc import Callable, Iterator
from datetime import UTC

from django.utils import timezone
from django.utils.translation import gettext as _

from consent.common.dates import LOCAL_ZONE_NAME, document_time, reader_time
from consent.common.i18n import language_name
from consent.common.pdf import pdf_document
from consent.common.spreadsheet import csv_document
from consent.common.text import Verbatim
from consent.core import gate
from consent.core.guardians import guardian_name
from consent.core.ledger import data_shown, grants_ended, reason_shown
from consent.core.models import LedgerEntry, Subject

from .consented import ending_named, proof_said, text_checked


def evidence_rows(
    subject: Subject, written: Callable[..., str] = reader_time
) -> Iterator[dict[str, object]]:
    """The ledger rows of `subject`, their times `written` so: the CSV's short, to be sorted
    and compared (reader_time), the PDF's the long date a reader writes (document_time)."""
    entries = list(
        LedgerEntry.objects.filter(subject=subject)
        .select_related("text", "text__policy", "actor", "guardian")
        .order_by("id")
    )
    asking, ended = gate.asking_again(), grants_ended(entries)
    for e in entries:
        shown, proven = text_checked(e)
        ends = ending_named(e, ended, written)
        if ended.get(e.pk):
            ends = _("entry %(entry)s: %(consent)s") % {"entry": ended[e.pk].pk, "consent": ends}
        yield {
            _("entry"): e.pk,
            _("event"): e.get_kind_display(),
            _("purpose"): e.get_purpose_display() if e.purpose else "",
            _("consent text version"): e.text.version if e.text else "",
            _("privacy policy version"): e.text.policy.number if e.text else "",
            _("SHA-256 of the text shown"): e.text_sha256,
            # What the hash was taken with: not always the name on record (compliance L4).
            _("name in the text shown"): Verbatim(e.shown_name),
            # The data the form named, as the text listed them (a text's list is the form's).
            _("data named in the text shown"): Verbatim(data_shown(e)),
            # The words themselves, as shown (compliance L4): the reader had the version and
            # the hash, and had to ask the operator for the text.
            _("consent text shown"): Verbatim(shown),
            _("the text gives this SHA-256"): proof_said(proven, e),
            # What a withdrawal (an expiry…) withdrew: it named only the purpose.
            _("the consent it ends"): ends,
            _("language"): language_name(e.language),
            _("time (Almaty)"): written(e.at, seconds=True),
            _("time (UTC)"): written(e.at, seconds=True, zone=UTC),
            # The moment, not a date: a UTC date is a day before the local one for consents
            # given between midnight and 05:00 in Almaty.
            _("expires (Almaty)"): written(e.expires_at, seconds=True),
            _("expires (UTC)"): written(e.expires_at, seconds=True, zone=UTC),
            # A later text that asked for consent again ends a grant before its term (the gate's
            # rule 3): the evidence said only the term, as if the grant still stood.
            _("consent asked again (Almaty)"): written(
                gate.asked_again_at(e, asking), seconds=True
            ),
            _("source"): e.get_source_display(),
            _("IP address"): e.ip or "",
            _("browser"): e.user_agent,
            # Who gave a minor's consent, by name: their row number told a reader nothing.
            _("guardian"): guardian_name(e.guardian),
            _("staff member"): e.actor.get_username() if e.actor else "",
            _("reason"): reason_shown(e),
        }


def evidence_csv(subject: Subject) -> bytes:
    rows = [with_words_hashed(row) for row in evidence_rows(subject)]
    # The browser string and the reason are text from outside: csv_document neutralises
    # formulas in them (OWASP CSV injection).
    return csv_document([rows[0].keys(), *(row.values() for row in rows)] if rows else [])


def with_words_hashed(row: dict[str, object]) -> dict[str, object]:
    """The row with, after the words shown, the bytes their SHA-256 is of, in Base64. The CSV
    puts an apostrophe before a formula's first sign in the words (csv_document: a line of
    other information starting «- », a contact «…; +7 …»), so a reader who took them from the
    cell computed another hash than the row's, beside «the text gives this SHA-256: yes».
    Base64 holds no «;», line break or leading sign: it reaches the reader as written."""
    shown = _("consent text shown")
    out = {}
    for key, value in row.items():
        out[key] = value
        if key == shown:
            words = base64.b64encode(str(value).encode()).decode()
            out[_("consent text shown, as the UTF-8 bytes hashed, in Base64")] = words
    return out


def evidence_pdf(subject: Subject) -> bytes:
    return pdf_document(
        _("Consent evidence for data subject #%(id)s") % {"id": subject.pk},
        f"{exported_line()}\n{how_to_check()}",
        [
            ("", [(str(k), str(v)) for k, v in row.items()])
            for row in evidence_rows(subject, document_time)
        ],
    )


def how_to_check() -> str:
    """How the reader recomputes a grant's hash from the evidence and the published text."""
    how = _(
        "Each SHA-256 is that of the consent text of its version, in its language, as "
        "published, with the name from the column «%(column)s» in place of {full_name} and the "
        "list from the column «%(data)s» in place of {data}, where the text has it: anyone can "
        "compute it again."
    ) % {"column": _("name in the text shown"), "data": _("data named in the text shown")}
    nameless = _(
        "Where that name is empty, the text was shown with no name: without «, {full_name},», "
        "and with the words its version gives for a person with no name in place of the other "
        "{full_name}. A grant recorded before the site had those words was shown the text with "
        "nothing in place of {full_name}."
    )
    gives = _(
        "The column «%(text)s» gives the text so filled in, word for word, and «%(check)s» "
        "whether it gives the SHA-256 on its row."
    ) % {"text": _("consent text shown"), "check": _("the text gives this SHA-256")}
    return f"{how} {nameless} {gives}"


def exported_line() -> str:
    """When a document was made, for its reader, in the active language."""
    return _("Exported %(time)s (%(zone)s)") % {
        "time": document_time(timezone.now()),
        "zone": LOCAL_ZONE_NAME,
    }
