"""Everything held about one person, free of charge (Art. 24(1)(1), 25(2)(9); legal item 10)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import gate
from .evidence import ALMATY, evidence_rows, pdf_document
from .models import Request
from .purposes import DATA_FIELDS, PURPOSES

SUBJECT_FIELDS = ["full_name", "email", "phone", "birth_date", "birth_place", "language"]


def subject_export(subject, language):
    """The person's data, purposes, sources and methods, consent history, recipients, terms."""
    with translation.override(language):
        latest = gate.latest_events(subject)
        op = settings.OPERATOR
        data = {f: getattr(subject, f) for f in SUBJECT_FIELDS}
        data["photo"] = bool(subject.photo)
        purposes = [
            {
                "code": code,
                "purpose": str(p.name),
                "description": str(p.description),
                "consent": latest[code].get_kind_display(),
                "processed_now": gate.may_process(subject, code),
                "data": [str(DATA_FIELDS[f]) for f in p.fields],
                "term": str(p.term_text),
                "consent_expires": latest[code].expires_at,
                "third_party_recipients": [str(t) for t in p.third_parties],
                "cross_border_recipients": [str(c) for c in p.cross_border],
                "published": p.published,
            }
            for code, p in PURPOSES.items()
            if code in latest
        ]
        return {
            "operator": op["name_ru" if language == "ru" else "name_kk"],
            "bin": op["bin"],
            "exported_at": timezone.now(),
            "subject_id": subject.pk,
            "data": data,
            "stored_in": op["data_location_ru" if language == "ru" else "data_location_kk"],
            "sources_and_methods": [
                {
                    "source": s.get_source_display(),
                    "method": _("sent by you through a form on the website"),
                    "received": s.created_at,
                    "data_sent": s.data,
                }
                for s in subject.submissions.order_by("id")
            ],
            "purposes": purposes,
            "consent_history": [
                {str(k): v for k, v in row.items()} for row in evidence_rows(subject)
            ],
            "guardians": [
                {"full_name": g.full_name, "contact": g.contact} for g in subject.guardians.all()
            ],
            "requests": [
                {
                    "reference": r.reference,
                    "type": r.get_type_display(),
                    "status": r.get_status_display(),
                    "received": r.received_at,
                    "due": r.due_date,
                }
                for r in Request.objects.filter(subject=subject).order_by("id")
            ],
        }


def export_json(subject, language):
    data = subject_export(subject, language)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def export_pdf(subject, language):
    """The same content as the JSON, laid out for reading: one block per section."""
    data = json.loads(export_json(subject, language))
    with translation.override(language):
        title = _("Personal data held about data subject #%(id)s") % {"id": subject.pk}
        now = timezone.now().astimezone(ALMATY).strftime("%Y-%m-%d %H:%M")
        subtitle = _("Exported %(time)s (Asia/Almaty)") % {"time": now}
    blocks = []
    for key, value in data.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            rows = item.items() if isinstance(item, dict) else [("", item)]
            blocks.append((key, [(str(k), _text(v)) for k, v in rows]))
    return pdf_document(title, subtitle, blocks)


def _text(value):
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)
