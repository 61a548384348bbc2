"""The operator's documents the law asks for, written from the declarations (issue 20): the
list of personal data needed for each purpose, approved by the director (Art. 25(2)(1) of Law
94-V), and the register of processing. A version is generated as a draft, frozen with the
SHA-256 of its content when published, and printed as PDF in Kazakh or Russian from what was
frozen, never from the declarations of the day it is downloaded.
"""

import json

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from consent.common.dates import local_date
from consent.common.pdf import pdf_document

from .audit import audit
from .declarations import backups, offered_purposes, operator, purpose_facts
from .models import AuditEvent, OperatorDocument
from .texts import sha256

Kind = OperatorDocument.Kind


def _listing(items):
    return "; ".join(items) if items else _("none")


def _evidence():
    """The proof of each consent (Art. 8(1), 25(2)(5)): the ledger keeps, with every consent
    given or withdrawn, the IP address and the browser it came from (ledger._request_meta),
    data about the person that no purpose's list names; the approved list and the register
    named none of it (compliance L4, L17)."""
    return (_("Proof of consent"), [
        (_("Purpose"), _("proving that a consent was given or withdrawn, by whom, to which "
                         "text and when (Art. 8(1) and 25(2)(5) of the Law)")),
        (_("Personal data"), _("for each consent given or withdrawn: its time, the consent "
                               "text's version and its SHA-256, the name the text was shown "
                               "with, the IP address and the browser it was sent from, the "
                               "form")),
        (_("Legal basis"), _("the operator's duty to prove that consent was obtained "
                             "(Art. 25(2)(5) of the Law)")),
        (_("Term"), _("as long as the person's data is kept: destroyed with them")),
    ])  # fmt: skip


def _data_list(language):
    op = operator(language)
    blocks = [(
        _("APPROVED"),
        [(_("Director of %(operator)s") % {"operator": op["operator_name"]},
          "________________  ________________"),
         (_("Date"), "«____» ______________ 20___")],
    )]  # fmt: skip
    for purpose in offered_purposes():
        p = purpose_facts(purpose, language)
        blocks.append((p["name"], [
            (_("Personal data"), ", ".join(p["fields"])),
            (_("Legal basis"), p["basis"]),
            (_("Term"), p["term"]),
        ]))  # fmt: skip
    blocks.append(_evidence())
    title = _("List of personal data necessary and sufficient for the operator's tasks")
    return title, blocks


def _register(language):
    op = operator(language)
    # Whom the operator appointed to organise the processing, and how to reach them (Art.
    # 25(2)(10), 25(3)): the first thing an inspector asks of the register.
    responsible = op["responsible"]
    blocks = [(_("Operator"), [
        (_("Address"), op["address"] or _("none")),
        (_("Person responsible for organising the processing of personal data"),
         responsible or _("none")),
    ])]  # fmt: skip
    for purpose in offered_purposes():
        p = purpose_facts(purpose, language)
        blocks.append((p["name"], [
            (_("Purpose"), p["description"]),
            (_("Personal data"), ", ".join(p["fields"])),
            (_("Legal basis"), p["basis"]),
            (_("Term"), p["term"]),
            (_("Recipients (third parties)"), _listing(p["third_parties"])),
            (_("Where the data is stored"), op["data_location"]),
            (_("Cross-border transfer"), _listing(p["abroad"])),
        ]))  # fmt: skip
    heading, rows = _evidence()
    blocks.append((heading, [*rows,
        (_("Recipients (third parties)"), _("none")),
        (_("Where the data is stored"), op["data_location"]),
        (_("Cross-border transfer"), _("none")),
    ]))  # fmt: skip
    # The nightly copies hold every purpose's data past its term, a correction or a
    # destruction (docs/deploy/backups.md): a store of its own, with its own term.
    kept = backups(language)
    blocks.append((_("Backups of the database"), [
        (_("Purpose"), _("restoring the data after a loss or a failure (a protection measure, "
                         "Art. 22 of the Law)")),
        (_("Personal data"), _("all the data above, of every purpose, encrypted")),
        (_("Term"), kept["term"]),
        (_("Recipients (third parties)"), _("none")),
        (_("Where the data is stored"), kept["place"]),
        (_("Cross-border transfer"), _("none")),
    ]))  # fmt: skip
    return _("Register of personal data processing"), blocks


def document_content(kind: str) -> dict:
    """What a document of `kind` says now, in both languages."""
    content = {}
    for language in ("kk", "ru"):
        with translation.override(language):
            title, blocks = (_data_list if kind == Kind.DATA_LIST else _register)(language)
            op = operator(language)
            content[language] = {
                "title": title,
                "operator": f"{op['operator_name']}, {_('BIN')} {op['bin']}",
                "blocks": [[heading, [list(row) for row in rows]] for heading, rows in blocks],
            }
    return content


def content_digest(content) -> str:
    """The SHA-256 published with a document's content (digests.document_intact asks it again)."""
    return sha256(json.dumps(content, ensure_ascii=False, sort_keys=True))


def document_draft(document: OperatorDocument) -> OperatorDocument:
    """Make `document` (its kind chosen) the next version's draft, filled in now; unsaved."""
    kind = document.kind
    last = OperatorDocument.objects.filter(kind=kind).aggregate(n=Max("version"))["n"] or 0
    document.version, document.content = last + 1, document_content(kind)
    return document


def document_publish(
    document: OperatorDocument, *, actor: AbstractBaseUser | None = None
) -> OperatorDocument:
    """Fill the draft in again from the declarations and freeze it with its hash."""
    with transaction.atomic():
        document.content = document_content(document.kind)
        document.sha256 = content_digest(document.content)
        document.published_at = timezone.now()
        document.save()
        audit(AuditEvent.Action.DOCUMENT_PUBLISH, actor=actor, obj=document, logged=True,
              kind=document.kind, version=document.version)  # fmt: skip
    return document


def document_pdf(document: OperatorDocument, language: str) -> bytes:
    """The document as PDF in `language`: title, operator, version, date and hash, then what
    it says (a draft is printed as a draft, from the declarations now)."""
    content = document.content if document.is_published else document_content(document.kind)
    own = content["ru" if language == "ru" else "kk"]
    with translation.override(language):
        if document.is_published:
            day = formats.date_format(local_date(document.published_at), "DATE_FORMAT")
            state = _("Version %(version)s of %(date)s. SHA-256: %(hash)s") % {
                "version": document.version,
                "date": day,
                "hash": document.sha256,
            }
        else:
            state = _("Version %(version)s: a draft, not approved") % {"version": document.version}
    subtitle = f"{own['operator']}\n{state}"
    return pdf_document(own["title"], subtitle, [(h, [tuple(r) for r in rows])
                                                  for h, rows in own["blocks"]])  # fmt: skip
