"""Everything held about one person, free of charge (Art. 24(1)(1), 25(2)(9); compliance L10).

Every row linked to the person is here: their data, where it came from, the purposes with terms
and recipients, the consent ledger, guardians, requests, corrections, campaigns and the mail sent
to them. tests/rights/test_export.py walks the models, so a field added later and left out fails it.
Left out on purpose: database ids; the staff member behind a ledger event (an employee's data,
not the person's: the source says it was staff); the bodies of emails (the person received
them, they repeat what is here, and they carry one-time signed links); the photo itself (it is
stored encrypted and a copy is given on request, so no plain copy ends up in the outbox).

The JSON keeps stable English keys for programs, with their names in the person's language
under "labels"; the PDF shows only the names.
"""

import json
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from post_office.models import Email

from consent.common.i18n import localised
from consent.core import gate
from consent.core.models import LedgerEntry, Subject
from consent.core.purposes import DATA_FIELDS, PURPOSES

from .erasure import mail_to
from .export_sections import SECTIONS, field_name
from .models import Ticket

MAIL_STATUS = {0: gettext_lazy("sent"), 1: gettext_lazy("not delivered")}


def when(value: datetime | date | None) -> str | None:
    """A time as the person reads it: the site's time zone, to the second; a date as
    YYYY-MM-DD."""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _photo(file, received):
    if not file:
        return None
    return _(
        "Held, received %(date)s. It is stored encrypted and not copied into this export: "
        "to receive a copy, write to %(email)s."
    ) % {"date": when(received), "email": settings.OPERATOR["email"]}


def _subject_data(subject):
    data = {f: getattr(subject, f) for f in ["full_name", "email", "phone", "birth_place"]}
    photo_from = subject.submissions.filter(photo=subject.photo.name).order_by("id").first()
    photo_at = photo_from.created_at if photo_from else subject.created_at
    return {
        **data,
        "birth_date": when(subject.birth_date),
        "language": subject.get_language_display(),
        "photo": _photo(subject.photo, photo_at),
        "created_at": when(subject.created_at),
        "updated_at": when(subject.updated_at),
    }


def _data_sent(data):
    """A form's fields under the names the consent texts use; the boxes ticked by purpose."""
    out = {str(DATA_FIELDS.get(k, k)): v for k, v in data.items() if k != "consents"}
    ticked = [str(PURPOSES[p].name) for p, v in data.get("consents", {}).items() if v]
    if ticked:
        out[str(LedgerEntry.Kind.GRANT.label)] = ticked
    return out


def _ledger_row(e):
    return {
        "at": when(e.at),
        "event": e.get_kind_display(),
        "purpose": e.get_purpose_display() if e.purpose else "",
        "consent_text_version": e.text.version if e.text else "",
        "privacy_policy_version": e.text.policy.number if e.text else "",
        "text_sha256": e.text_sha256,
        "language": e.get_language_display(),
        "source": e.get_source_display(),
        "ip": e.ip or "",
        "user_agent": e.user_agent,
        "expires_at": when(e.expires_at) or "",
        "guardian": e.guardian.full_name if e.guardian else "",
        "reason": e.reason,
    }


def _ticket_row(r):
    return {
        "reference": r.reference,
        "type": r.get_type_display(),
        "status": r.get_status_display(),
        "channel": r.get_channel_display(),
        "email": r.email,
        "language": r.get_language_display(),
        "purpose": r.get_purpose_display() if r.purpose else "",
        "message": r.message,
        "message_id": r.message_id or "",
        "received_at": when(r.received_at),
        "due_date": when(r.due_date),
        "verified_at": when(r.verified_at) or "",
        "closed_at": when(r.closed_at) or "",
        "outcome": r.outcome,
        "regarding": r.regarding.reference if r.regarding_id else "",
    }


def export_data(subject: Subject, language: str) -> dict[str, Any]:
    """The person's data, purposes, sources and methods, consent history, recipients, terms."""
    with translation.override(language):
        latest = gate.latest_events(subject)
        op = settings.OPERATOR
        purposes = [
            {
                "code": code,
                "purpose": str(p.name),
                "description": str(p.description),
                "consent": latest[code].get_kind_display(),
                "processed_now": gate.may_process(subject, code),
                "data": [str(DATA_FIELDS[f]) for f in p.fields],
                "term": str(p.term_text),
                "consent_expires": when(latest[code].expires_at),
                "third_party_recipients": [str(t) for t in p.third_parties],
                "cross_border_recipients": [str(c) for c in p.recipients_abroad()],
                "published": p.published,
            }
            for code, p in PURPOSES.items()
            if code in latest
        ]
        ledger = (
            LedgerEntry.objects.filter(subject=subject)
            .select_related("text__policy", "guardian")
            .order_by("id")
        )
        tickets = Ticket.objects.filter(subject=subject)
        if subject.email:  # also those written from the address before it was linked
            tickets = tickets | Ticket.objects.filter(subject=None, email__iexact=subject.email)
        labels = {
            key: {"": str(heading)} | {k: str(v) for k, v in fields.items()}
            for key, (heading, fields) in SECTIONS.items()
        }
        return {
            "operator": localised(op, "name", language),
            "bin": op["bin"],
            "exported_at": when(timezone.now()),
            "time_zone": "Asia/Almaty",
            "subject_id": subject.pk,
            "stored_in": localised(op, "data_location", language),
            "data": _subject_data(subject),
            "sources_and_methods": [
                {
                    "source": s.get_source_display(),
                    "method": _("sent by you through a form on the website"),
                    "received": when(s.created_at),
                    "answered": when(s.answered_at),
                    "language": s.get_language_display(),
                    "data_sent": _data_sent(s.data),
                    "photo": _photo(s.photo, s.created_at),
                }
                for s in subject.submissions.order_by("id")
            ],
            "purposes": purposes,
            "consent_history": [_ledger_row(e) for e in ledger],
            "guardians": [
                {"full_name": g.full_name, "contact": g.contact, "recorded": when(g.created_at)}
                for g in subject.guardians.order_by("id")
            ],
            "requests": [_ticket_row(t) for t in tickets.distinct().order_by("id")],
            "corrections": [
                {
                    "request": c.ticket.reference if c.ticket else "",
                    "field": str(field_name(Subject, c.field))
                    if c.field in SECTIONS["data"][1]
                    else c.field,
                    "old_value": c.old_value,
                    "new_value": c.new_value,
                    "document": c.document,
                    "at": when(c.at),
                }
                for c in subject.corrections.select_related("ticket").order_by("id")
            ],
            "campaigns": [
                {
                    "email_subject": r.campaign.content(r.language)[0],
                    "language": r.get_language_display(),
                    "queued_at": when(r.queued_at),
                    "withheld_at": when(r.withheld_at),
                }
                for r in subject.campaigns_received.select_related("campaign").order_by("id")
            ],
            "emails": [
                {
                    "created": when(m.created),
                    "to": ", ".join(m.to),
                    "email_subject": m.subject,
                    "status": str(MAIL_STATUS.get(m.status, _("queued"))),
                }
                for m in Email.objects.filter(mail_to(subject)).order_by("id")
            ],
            "labels": labels,
        }


def export_json(subject: Subject, language: str) -> bytes:
    data = export_data(subject, language)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
