"""Proof of consent for one subject (Art. 25(2)(5), legal item 4): every ledger row, CSV or PDF."""

import csv
import io
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from consent.core.models import LedgerEntry

FONTS = Path(__file__).resolve().parent / "fonts"


def evidence_rows(subject):
    entries = (
        LedgerEntry.objects.filter(subject=subject)
        .select_related("text", "text__policy", "actor")
        .order_by("id")
    )
    local_label = _("time (%(zone)s)") % {"zone": settings.TIME_ZONE}
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
            _("expires (UTC)"): e.expires_at.astimezone(UTC).strftime("%Y-%m-%d")
            if e.expires_at
            else "",
            _("source"): e.get_source_display(),
            _("IP address"): e.ip or "",
            _("browser"): e.user_agent,
            _("guardian"): e.guardian_id or "",
            _("staff member"): e.actor.get_username() if e.actor else "",
            _("reason"): e.reason,
        }


def evidence_csv(subject):
    rows = list(evidence_rows(subject))
    out = io.StringIO()
    writer = csv.writer(out)
    if rows:
        writer.writerow(rows[0].keys())
        writer.writerows(row.values() for row in rows)
    return out.getvalue().encode("utf-8-sig")  # with a BOM, so spreadsheet programs read Cyrillic


def evidence_pdf(subject):
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return pdf_document(
        _("Consent evidence for data subject #%(id)s") % {"id": subject.pk},
        _("Exported %(time)s (%(zone)s)") % {"time": now, "zone": settings.TIME_ZONE},
        [("", [(str(k), str(v)) for k, v in row.items()]) for row in evidence_rows(subject)],
    )


def pdf_document(title, subtitle, blocks):
    """A landscape A4 PDF in Noto Sans (every Kazakh letter): a title, then blocks of
    (heading, [(label, value)]) lines."""
    pdf = FPDF(orientation="landscape")
    pdf.add_font("Noto", "", FONTS / "NotoSans-Regular.ttf")
    pdf.add_font("Noto", "B", FONTS / "NotoSans-Bold.ttf")
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    line = {"new_x": "LMARGIN", "new_y": "NEXT"}
    pdf.set_font("Noto", "B", 13)
    pdf.multi_cell(0, 8, title, **line)
    pdf.set_font("Noto", "", 9)
    pdf.multi_cell(0, 6, subtitle, **line)
    for heading, rows in blocks:
        pdf.ln(2)
        if heading:
            pdf.set_font("Noto", "B", 10)
            pdf.multi_cell(0, 6, heading, **line)
        for label, value in rows:
            pdf.set_font("Noto", "B", 8)
            if pdf.get_string_width(label) < 78:
                pdf.cell(80, 5, label)
            else:  # a long label gets a line of its own
                pdf.multi_cell(0, 5, label, **line)
            pdf.set_font("Noto", "", 8)
            pdf.multi_cell(0, 5, value or " ", **line)
    return bytes(pdf.output())
