"""The breach register (Art. 25(2)(8); compliance L21): the regulator is told within one working
day of detection."""

from datetime import UTC, date, datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from consent.core.audit import audit
from consent.core.models import AuditEvent
from consent.core.policydoc import drafted_facts
from consent.workdays.calendar import due_date

from .models import Breach

REGULATOR_WORKING_DAYS = 1


def regulator_due_for(detected_at: datetime) -> date:
    """The day the regulator must be told of a breach detected at `detected_at` (L21): the one
    rule breach_record and a change of the calendar (recount.deadlines_recount) count by."""
    return due_date(detected_at, REGULATOR_WORKING_DAYS)


@transaction.atomic
def breach_record(breach: Breach, *, actor: AbstractBaseUser | None = None) -> Breach:
    """Save a breach, new or edited, with its audit row naming the staff member (`actor`). The
    regulator's deadline is counted from its detection when it is recorded, and again only when
    its detection time is corrected or its notice cleared: an edit of anything else (the
    measures, the notice's date) leaves it as it stands, since a change of the calendar moves it
    only while the regulator is still to be told, with an audit row (recount.deadlines_recount).
    Counted on every save, it moved silently on any edit. A notice cleared (recorded on the
    wrong entry) leaves the regulator to be told again: the date it was judged by, kept through
    a change of the calendar, was a day the calendar no longer gave until the next change of
    any day moved it.

    The register is the operator's proof that the regulator was told in time (Art. 25(2)(8)),
    and its entries stay editable: a detection moved later, or a notice dated earlier, changed
    the deadline and the proof with no trace of who did it or what it said before. Each entry
    recorded and each change is an audit row: the dates, the count and the tick old and new,
    the texts by name only (what staff type there may hold what it must not)."""
    before = Breach.objects.select_for_update().filter(pk=breach.pk).first()
    cleared = (
        before is not None and before.regulator_notified_at and not breach.regulator_notified_at
    )
    if before is None or before.detected_at != breach.detected_at or cleared:
        breach.regulator_due = regulator_due_for(breach.detected_at)
    breach.save()
    if before is None:
        audit(AuditEvent.Action.BREACH_RECORD, actor=actor, obj=breach,
              **{name: _audited(breach, name) for name in AUDITED_VALUES})  # fmt: skip
        return breach
    changed = [f.name for f in Breach._meta.concrete_fields
               if f.name not in ("id", "created_at")
               and getattr(before, f.attname) != getattr(breach, f.attname)]  # fmt: skip
    if changed:
        audit(AuditEvent.Action.BREACH_CHANGE, actor=actor, obj=breach, fields=changed,
              **{name: [_audited(before, name), _audited(breach, name)]
                 for name in changed if name in AUDITED_VALUES})  # fmt: skip
    return breach


# The fields of an entry whose values its audit rows keep: times, dates, the count and the tick.
AUDITED_VALUES = ("detected_at", "regulator_due", "regulator_notified_at", "people_affected",
                  "subjects_notified", "subjects_notified_at")  # fmt: skip


def _audited(breach: Breach, name: str) -> object:
    """A field's value as its audit row keeps it: a time in UTC, as the row's own time is (a
    form gives it in Almaty time, the database in UTC), a day as its date."""
    value = getattr(breach, name)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat() if isinstance(value, date) else value


def breach_notice(breach: Breach) -> str:
    """The draft notice to the authorised body, filled with the operator's facts (kk, ru); a
    fact not set says so in its place (policydoc.drafted_facts)."""
    parts = []
    for language in ("kk", "ru"):
        with translation.override(language):
            parts.append(render_to_string("rights/breach_notice.txt", {
                "breach": breach, **drafted_facts(language)}).strip())  # fmt: skip
    return "\n\n———\n\n".join(parts)
