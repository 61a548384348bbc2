from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils import translation

from .models import AuditEvent, Subject


def audit(
    action: str,
    *,
    actor: AbstractBaseUser | None = None,
    subject: Subject | None = None,
    obj: Model | None = None,
    logged: bool = False,
    **detail: object,
) -> AuditEvent:
    """Write one audit row. `detail` must hold no personal data: ids, codes, counts, field names.
    `logged`: this row is what a staff member did to `obj`, the one row of the operation that
    acts, which the admin's log records too (admin_logged)."""
    row = audit_row(action, actor=actor, subject=subject, obj=obj, **detail)
    row.save(force_insert=True)
    if logged:
        admin_logged(action, actor=actor, obj=obj)
    return row


# The audited actions that make their object; the admin's log has every other one as a change.
ADDING = {AuditEvent.Action.REQUEST_OPEN}


def admin_logged(action: str, *, actor: AbstractBaseUser | None, obj: Model | None) -> None:
    """The admin's log entry of what a staff member did to `obj` through the desk's own pages
    (its panel, hand-over, reopen, resend, a person's parent confirmed, a draft published): the
    admin's «Recent actions» box lists only that log, which Django's own forms alone wrote, so
    an officer's day of answered requests left it empty. Written by the operation that acts, so
    each act is logged once whatever page or command ran it; nothing for the site itself or a
    command (no staff member). The message is the audit action's msgid, shown translated
    (emalu/templatetags/history.py); `str(obj)` holds no personal data (the models' rule)."""
    if actor is None or not actor.is_authenticated or obj is None:
        return
    with translation.override(None):  # stored untranslated: read in each reader's language
        message = str(AuditEvent.Action(action).label)
    LogEntry.objects.create(
        user_id=actor.pk,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=ADDITION if action in ADDING else CHANGE,
        change_message=message,
    )


def audit_rows(rows: list[AuditEvent]) -> None:
    """Write several audit rows (made by audit_row) in one INSERT: a list of many people."""
    AuditEvent.objects.bulk_create(rows)


def audit_row(
    action: str,
    *,
    actor: AbstractBaseUser | None = None,
    subject: Subject | None = None,
    obj: Model | None = None,
    **detail: object,
) -> AuditEvent:
    """The audit row audit() writes, unsaved."""
    return AuditEvent(
        action=action,
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        actor_label=actor.get_username() if actor is not None and actor.is_authenticated else "",
        subject_ref=subject.pk if subject is not None else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
    )


def edit_detail(before: dict | None, after: dict | None) -> dict:
    """What staff did to a row of a table that steers the desk (the working-day calendar, the
    intake's phrases), for its audit row: "change" (added, changed or removed), the row's
    fields as it is now and, under «old_<field>», each value a change replaced or the removal
    took. `before` and `after` hold the fields as JSON values (None: not there); {} when a
    save changed nothing."""
    if before is None:
        return {"change": "added", **after}
    if after is None:
        return {"change": "removed", **{f"old_{k}": v for k, v in before.items()}}
    old = {f"old_{k}": before.get(k) for k, v in after.items() if v != before.get(k)}
    return {"change": "changed", **after, **old} if old else {}


def audited(action: str, obj: Model) -> QuerySet[AuditEvent]:
    """The audit rows of `action` on `obj` (as audit_row keys them), the first one first."""
    return AuditEvent.objects.filter(
        action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).order_by("id")
