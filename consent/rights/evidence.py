"""Proof of consent for one subject (Art. 25(2)(5); compliance L4): every ledger row, CSV or PDF."""

from collections.abc import Iterator
from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from consent.common.pdf import pdf_document
from consent.common.spreadsheet import csv_document
from consent.core.models import LedgerEntry, Subject


def evidence_rows(subject: Subject) -> Iterator[dict[str, object]]:
    entries = (
        LedgerEntry.objects.filter(subject=subject)
        .select_related("text", "text__policy", "actor")
        .order_by("id")
    )
    local_label = _("time (%(zone)s)") % {"zone": settings.TIME_ZONE}
    local_expiry_label = _("expires (%(zone)s)") % {"zone": settings.TIME_ZONE}
    for e in entries:
        yield {
            _("entry"): e.pk,
            _("event"): e.get_kind_display(),
            _("purpose"): e.get_purpose_display() if e.purpose else "",
            _("consent text version"): e.text.version if e.text else "",
            _("privacy policy version"): e.text.policy.number if e.text else "",
            _("SHA-256 of the text shown"): e.text_sha256,
            _("language"): e.language,
            _("time (UTC)"): e.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            local_label: timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            # The moment, not a date: a UTC date is a day before the local one for consents
            # given between midnight and 05:00 in Almaty.
            _("expires (UTC)"): e.expires_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            if e.expires_at
            else "",
            local_expiry_label: timezone.localtime(e.expires_at).strftime("%Y-%m-%d %H:%M:%S")
            if e.expires_at
            else "",
            _("source"): e.get_source_display(),
            _("IP address"): e.ip or "",
            _("browser"): e.user_agent,
            _("guardian"): e.guardian_id or "",
            _("staff member"): e.actor.get_username() if e.actor else "",
            _("reason"): e.reason,
        }


def evidence_csv(subject: Subject) -> bytes:
    rows = list(evidence_rows(subject))
    # The browser string and the reason are text from outside: csv_document neutralises
    # formulas in them (OWASP CSV injection).
    return csv_document([rows[0].keys(), *(row.values() for row in rows)] if rows else [])


def evidence_pdf(subject: Subject) -> bytes:
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return pdf_document(
        _("Consent evidence for data subject #%(id)s") % {"id": subject.pk},
        _("Exported %(time)s (%(zone)s)") % {"time": now, "zone": settings.TIME_ZONE},
        [("", [(str(k), str(v)) for k, v in row.items()]) for row in evidence_rows(subject)],
    )
