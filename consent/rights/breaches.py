"""The breach register (Art. 20-1; compliance L21): the regulator is told within one working
day of detection."""

from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from consent.workdays.calendar import due_date

from .models import Breach

REGULATOR_WORKING_DAYS = 1


def regulator_due_for(detected_at: datetime) -> date:
    """The day the regulator must be told of a breach detected at `detected_at` (L21): the one
    rule breach_record and a change of the calendar (recount.deadlines_recount) count by."""
    return due_date(detected_at, REGULATOR_WORKING_DAYS)


@transaction.atomic
def breach_record(breach: Breach) -> Breach:
    """Save a breach, new or edited. The regulator's deadline is counted from its detection
    when it is recorded, and again only when its detection time is corrected: an edit of
    anything else (the measures, the notice's date) leaves it as it stands, since a change of
    the calendar moves it only while the regulator is still to be told, with an audit row
    (recount.deadlines_recount). Counted on every save, it moved silently on any edit."""
    detected = Breach.objects.filter(pk=breach.pk).values_list("detected_at", flat=True).first()
    if detected != breach.detected_at:
        breach.regulator_due = regulator_due_for(breach.detected_at)
    breach.save()
    return breach


def breach_notice(breach: Breach) -> str:
    """The draft notice to the authorised body, filled from the operator's settings (kk, ru)."""
    op = settings.OPERATOR
    parts = []
    for language in ("kk", "ru"):
        with translation.override(language):
            parts.append(render_to_string("rights/breach_notice.txt", {
                "breach": breach, "operator_name": op[f"name_{language}"], "bin": op["bin"],
                "address": op[f"address_{language}"], "email": op["email"],
                "responsible_person": op["responsible_person"],
                "responsible_contact": op["responsible_contact"],
            }).strip())  # fmt: skip
    return "\n\n———\n\n".join(parts)
