"""Deadlines still running, counted again after the working-day calendar changed (compliance
L8). A decree entered after a request arrived or a breach was detected changes its legal
deadline, earlier (a Saturday made working) or later (a day off added), and a wrong entry
removed restores it; an answered request keeps the date it was judged by. Every date that
moves is audited, so the officer reads in the audit log that request №N was due on one day
and is now due on another, and which calendar day's change moved it."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_today
from consent.core.audit import audit, audit_row, audit_rows, edit_detail
from consent.core.models import AuditEvent, Subject
from consent.workdays.models import CalendarOverride

from .breaches import regulator_due_for
from .deadlines import due_for
from .models import Breach, Ticket


def calendar_fields(day: CalendarOverride) -> dict[str, Any]:
    """A calendar day's fields as its audit rows keep them."""
    return {"calendar_date": str(day.date), "working_day": day.is_working_day,
            "note": day.note}  # fmt: skip


def calendar_audit(day: CalendarOverride, how: str) -> None:
    """Every change to the working-day calendar, whether or not it moves a deadline: who made
    it, and the day before and after (a note rewritten or a day entered and removed again
    left no trace when no request was running)."""
    stored = getattr(day, "stored", None)
    after = None if how == "removed" else calendar_fields(day)
    before = calendar_fields(day) if how == "removed" else stored
    if detail := edit_detail(before, after):
        audit(AuditEvent.Action.CALENDAR_CHANGE, actor=day.changed_by, obj=day, **detail)


def deadlines_recount(
    *, change: dict[str, Any], actor: AbstractBaseUser | None = None
) -> tuple[list[Ticket], list[Breach]]:
    """Count again the due date of every open or waiting request, from its receipt, and the
    regulator's date of every breach not yet reported, from its detection. `change` (codes: the
    calendar day, and whether it was added, changed or removed) goes into the audit row of each
    date moved, with the staff member who made the change. Returns the requests and the
    breaches whose date moved."""
    tickets = Ticket.objects.open().only("type", "subject", "received_at", "due_date")
    breaches = Breach.objects.unreported()
    breaches = breaches.only("detected_at", "regulator_due")
    # Each by the rule that counted it first (deadlines.due_for, breaches.regulator_due_for).
    return _recount(
        tickets, "due_date", lambda t: due_for(t.type, t.received_at), change, actor
    ), _recount(
        breaches, "regulator_due", lambda b: regulator_due_for(b.detected_at), change, actor
    )


MOVED = _(
    "Due dates counted again with this change of the calendar. Moved: requests: %(requests)d, "
    "breaches: %(breaches)d. The audit log keeps each old and new date."
)
OVERDUE = _(
    "Overdue by the new count: requests: %(requests)d, breaches to report to the authorised "
    "body: %(breaches)d. Answer them today: the desk lists the requests under “overdue”, the "
    "breach register says “notify now”."
)


def recount_told(tickets: list[Ticket], breaches: list[Breach]) -> list[tuple[int, str]]:
    """What the staff member who changed the calendar is told of the deadlines it moved (message
    level, text): how many, and how many of them it put in the past, to be answered at once (a
    Saturday made working, entered after it). The audit rows alone said it to no one."""
    if not tickets and not breaches:
        return []
    today = local_today()
    told = [(messages.INFO, MOVED % {"requests": len(tickets), "breaches": len(breaches)})]
    late = {"requests": sum(t.due_date < today for t in tickets),
            "breaches": sum(b.regulator_due < today for b in breaches)}  # fmt: skip
    if any(late.values()):
        told.append((messages.WARNING, OVERDUE % late))
    return told


def _recount(
    rows: QuerySet,
    due: str,
    due_of: Callable[[Model], date],
    change: dict[str, Any],
    actor: AbstractBaseUser | None,
) -> int:
    """Count `due` of each of `rows` again (`due_of(row)`); save and audit those that moved, in
    one UPDATE and one INSERT, and return them."""
    moved, events = [], []
    for row in rows:
        old, new = getattr(row, due), due_of(row)
        if new == old:
            continue
        setattr(row, due, new)
        moved.append(row)
        subject_id = getattr(row, "subject_id", None)
        events.append(audit_row(
            AuditEvent.Action.DUE_RECOUNT, actor=actor, obj=row,
            subject=Subject(pk=subject_id) if subject_id is not None else None,
            old_due=old.isoformat(), new_due=new.isoformat(), **change,
        ))  # fmt: skip
    rows.bulk_update(moved, [due])
    audit_rows(events)
    return moved
