"""Everything held about one person, free of charge (Art. 24(1)(1), 25(2)(9); compliance L10).

Every row linked to the person is here: their data, where it came from, the purposes with terms
and recipients, the consent ledger, guardians, requests, corrections, campaigns and the mail sent
to them, and the audit log's rows about them: who of us opened, downloaded or changed their data,
and when (export_audit.py). tests/rights/test_export.py walks the models, so a field added later
and left out fails it.
Left out on purpose: database ids; the staff member behind a ledger event (an employee's data,
not the person's: the source says it was staff); the bodies of emails (the person received
them, they repeat what is here, and they carry one-time signed links). The photo is the person's
data as much as their name: it is stored encrypted, and the export holds it decrypted (a JPEG,
base64 in the JSON, the picture itself in the PDF), once, however many rows name the same file.
The mailed answer is kept in the outbox encrypted too (`photos.EncryptedStorage`).

The JSON keeps stable English keys for programs, with their names in the person's language
under "labels", and its times in ISO 8601 (the local time in Almaty with its offset, e.g.
2026-11-30T13:12:44+05:00; dates 2026-11-30), as its "about_times" says to the person; the
PDF shows only the names, and every time as the person writes it (30.11.2026 13:12).
"""

import base64
import json
import logging
from datetime import date
from typing import Any

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from post_office.models import Email

from consent.common.dates import document_time
from consent.common.i18n import language_name, localised
from consent.common.text import plain_text
from consent.core import gate
from consent.core.declarations import backups
from consent.core.guardians import child_named, given_as_guardian, guardian_name
from consent.core.models import LedgerEntry, Subject
from consent.core.photos import photo_read
from consent.core.purposes import DATA_FIELDS, PURPOSES, PurposeNames, sent_name
from consent.core.withheld import NEVER_SENT, never_sent

from .export_audit import audit_trail, set_aside_letters
from .export_consents import consents, when
from .export_sections import SECTIONS, field_name
from .mailed import mail_of, requests_held
from .models import Ticket
from .sign_ins import sign_ins_of

logger = logging.getLogger(__name__)
EMPTY_GIVEN = ["consent_given_at", "consent_text_version_given", "consent_text_given"]
MAIL_STATUS = {0: gettext_lazy("sent"), 1: gettext_lazy("not delivered")}


def mail_status(mail: Email) -> str:
    """What became of a mail to the person, as the desk's page of them says it."""
    if never_sent(mail):
        return str(NEVER_SENT)
    return str(MAIL_STATUS.get(mail.status, _("queued")))


def _as_held(field: str, text: str) -> object:
    """A value stored as text (a form's field, a correction's old or new value) as the type
    the person's record holds it in: a date of birth as a date."""
    try:
        is_date = Subject._meta.get_field(field).get_internal_type() == "DateField"
    except FieldDoesNotExist:
        is_date = False
    if is_date and isinstance(text, str):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # kept as it was stored
    return text


class Photos:
    """The person's photos for one export, decrypted (compliance L10, L22): each stored file in
    full where a row first names it, and a sentence where another row names the same file (the
    application's photo is also the record's). A file no configured key opens, or gone, is said
    to be held and how to get a copy: the rest of the answer still goes, and the log says why."""

    def __init__(self) -> None:
        self.shown: dict[str, str] = {}  # file name -> the section it is shown in

    def __call__(self, file, received, section: str) -> dict[str, Any] | str | None:
        if not file:
            return None
        if file.name in self.shown:
            return _("The same photo as under “%(section)s” above.") % {
                "section": self.shown[file.name]
            }
        try:
            jpeg = photo_read(file)
        except (InvalidToken, OSError):
            logger.error("a photo could not be read for an access export: run encrypt_photos")
            return _(
                "Held, received %(date)s, but it could not be copied into this export: to "
                "receive a copy, write to %(email)s."
            ) % {"date": document_time(received), "email": settings.OPERATOR["email"]}
        self.shown[file.name] = section
        return {"received": when(received), "content_type": "image/jpeg",
                "base64": base64.b64encode(jpeg).decode()}  # fmt: skip


def _subject_data(subject, photos):
    data = {f: getattr(subject, f) for f in ["full_name", "email", "phone", "birth_place"]}
    photo_from = subject.submissions.filter(photo=subject.photo.name).order_by("id").first()
    photo_at = photo_from.created_at if photo_from else subject.created_at
    return {
        **data,
        "birth_date": when(subject.birth_date),
        "language": language_name(subject.language),
        "photo": photos(subject.photo, photo_at, str(SECTIONS["data"][0])),
        "created_at": when(subject.created_at),
        "updated_at": when(subject.updated_at),
    }


def _data_sent(data):
    """A form's fields under the names the consent texts use; the boxes ticked by purpose."""
    out = {sent_name(k): _as_held(k, v) for k, v in data.items() if k != "consents"}
    ticked = PurposeNames(p for p, v in data.get("consents", {}).items() if v)
    if ticked:
        out[str(LedgerEntry.Kind.GRANT.label)] = ticked
    return out


def due_passed(ticket: Ticket) -> str:
    """Past its due date and not yet answered (Ticket.is_overdue), what the person's pages and
    mails say of it, in the language active: that the day has passed, with an apology
    (rights/answer_due.txt); "" otherwise, the due date saying all."""
    if not ticket.is_overdue:
        return ""
    return render_to_string("rights/answer_due.txt", {"ticket": ticket}).strip()


def _ticket_row(r):
    return {
        "reference": r.reference,
        "type": r.get_type_display(),
        "status": r.get_status_display(),
        "channel": r.get_channel_display(),
        "email": r.email,
        "language": language_name(r.language),
        "purpose": r.get_purpose_display() if r.purpose else "",
        "message": r.message,
        "message_id": r.message_id or "",
        "reply_to": r.reply_to,
        "received_at": when(r.received_at),
        "due_date": when(r.due_date),
        "due_passed": due_passed(r),
        "verified_at": when(r.verified_at) or "",
        "closed_at": when(r.closed_at) or "",
        "outcome": r.outcome,
        # The officer's words on why it was reopened, oldest first (closing.reopenings).
        "reopen_reasons": "\n".join(r.reopen_reasons.values()),
        "regarding": r.regarding.reference if r.regarding_id else "",
        # Asked for the person, as a child, by their parent or guardian (rights.wards).
        "guardian": guardian_name(r.guardian) if r.guardian_id else "",
        # Which child: a parent's own answer lists her requests for each (mailed.requests_held).
        "child": child_named(r.guardian) if r.guardian_id else "",
    }


def export_data(subject: Subject, language: str) -> dict[str, Any]:
    """The person's data, purposes, sources and methods, consent history, recipients, terms."""
    with translation.override(language):
        latest = gate.latest_events(subject)
        asking = gate.asking_again()
        # A grant that a later text asked consent again for no longer counts (the gate's rule
        # 3): the answer read «consent given», its term years away, and «processed now: no»
        # with no reason, where nothing is processed under it and the person is to consent again.
        asked = {code: gate.asked_again_at(event, asking) for code, event in latest.items()}
        op = settings.OPERATOR
        history, given = consents(subject)
        purposes = [
            {
                "code": code,
                "purpose": str(p.name),
                "description": str(p.description),
                "consent": str(LedgerEntry.Kind.RECONSENT.label)
                if asked[code]
                else latest[code].get_kind_display(),
                "consent_asked_again": when(asked[code]) or "",
                "processed_now": gate.may_process(subject, code),
                "data": [str(DATA_FIELDS[f]) for f in p.fields],
                "term": str(p.term_text),
                "consent_expires": when(latest[code].expires_at),
                # The words the person agreed to (their latest grant of it), beside what the
                # purpose declares today: the two differ once a later text is published.
                **given.get(code, dict.fromkeys(EMPTY_GIVEN, "")),
                "third_party_recipients": [str(t) for t in p.third_parties],
                "cross_border_recipients": [str(c) for c in p.recipients_abroad()],
                "published": p.published,
            }
            for code, p in PURPOSES.items()
            if code in latest
        ]
        tickets = requests_held(subject)
        set_aside, letters = set_aside_letters(subject)
        photos, sources_heading = Photos(), str(SECTIONS["sources_and_methods"][0])
        labels = {
            key: {"": str(heading)} | {k: str(v) for k, v in fields.items()}
            for key, (heading, fields) in SECTIONS.items()
        }
        return {
            "operator": localised(op, "name", language),
            "bin": op["bin"],
            "exported_at": when(timezone.now()),
            "time_zone": "Asia/Almaty",
            "about_times": _(
                "Times are in ISO 8601: year-month-day, T, then the time in Almaty with its "
                "offset from UTC, e.g. 2026-11-30T13:12:44+05:00. The PDF holds the same data "
                "written for reading."
            ),
            "subject_id": subject.pk,
            "stored_in": localised(op, "data_location", language),
            # The nightly copies keep the data past what the terms below say (Art. 25(2)(6)).
            "backups": backups(language)["said"],
            "data": _subject_data(subject, photos),
            "sources_and_methods": [
                {
                    "source": s.get_source_display(),
                    "method": _("sent by you through a form on the website"),
                    "received": when(s.created_at),
                    "answered": when(s.answered_at),
                    "consent": str(s.consent_note()),
                    "language": language_name(s.language),
                    "data_sent": _data_sent(s.data),
                    "photo": photos(s.photo, s.created_at, sources_heading),
                }
                for s in subject.submissions.prefetch_related("grants__text").order_by("id")
            ],
            "purposes": purposes,
            "consent_history": history,
            "guardians": [
                {
                    "full_name": guardian_name(g),
                    "contact": g.contact,
                    "recorded": when(g.created_at),
                    # The person (or an officer) said this is not their parent or guardian.
                    "declined": g.get_declined_display(),
                }
                for g in subject.guardians.order_by("id")
            ],
            "as_guardian": [
                {
                    "child": child_named(g),
                    "full_name": g.full_name,
                    "contact": g.contact,
                    "recorded": when(g.created_at),
                    "consents": PurposeNames(given),
                }
                for g, given in given_as_guardian(subject.email)
            ],
            "requests": [
                _ticket_row(t)
                # Each row names its guardian, the child and the request it joined (_ticket_row).
                for t in tickets.select_related("regarding", "guardian__subject")
                .distinct()
                .order_by("id")
            ],
            "kept_requests": [
                {
                    "type": k.get_type_display(),
                    "message": k.message,
                    "kept_until": when(k.kept_until),
                }
                for k in subject.kept_requests.order_by("id")
            ],
            "corrections": [
                {
                    "request": c.ticket.reference if c.ticket else "",
                    "field": str(field_name(Subject, c.field))
                    if c.field in SECTIONS["data"][1]
                    else c.field,
                    "old_value": _as_held(c.field, c.old_value),
                    "new_value": _as_held(c.field, c.new_value),
                    "document": c.document,
                    "at": when(c.at),
                }
                for c in subject.corrections.select_related("ticket").order_by("id")
            ],
            "campaigns": [
                {
                    "email_subject": r.campaign.content(r.language)[0],
                    # The language the mail was written in: Kazakh to a Russian reader of a
                    # campaign with no Russian (it said «Russian» of a wholly Kazakh mail).
                    "language": language_name(r.campaign.written_in(r.language)),
                    "queued_at": when(r.queued_at),
                    "withheld_at": when(r.withheld_at),
                    "returned_at": when(r.returned_at),
                    "returned_as": str(r.get_returned_as_display()),
                }
                for r in subject.campaigns_received.select_related("campaign").order_by("id")
            ],
            "emails": [
                {
                    "created": when(m.created),
                    "to": ", ".join(m.to),
                    "email_subject": m.subject,
                    "status": mail_status(m),
                }
                # Not the bodies: a person with years of newsletters held them all in memory.
                for m in Email.objects.filter(mail_of(subject))
                .only("created", "to", "subject", "status", "expires_at")
                .order_by("id")
            ],
            "set_aside": set_aside,
            # What was typed into the staff sign-in under their address or number (sign_ins.py).
            "sign_ins": [{**row, "at": when(row["at"])} for row in sign_ins_of(subject)],
            # Who opened, downloaded or changed the data, and when (export_audit).
            "audit_trail": audit_trail(subject, letters),
            "labels": labels,
        }


def _plain(value: Any) -> Any:
    """`value` with every text in it, keys too, as a program reads it (text.plain_text)."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return plain_text(value)


def export_json(subject: Subject, language: str) -> bytes:
    """The access answer for programs: export_data with its texts plain (no no-break spaces
    from the catalogues, which a program compares as other characters than a space)."""
    data = _plain(export_data(subject, language))
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
