from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Model, QuerySet

from .models import AuditEvent, Subject


def audit(
    action: str,
    *,
    actor: AbstractBaseUser | None = None,
    subject: Subject | None = None,
    obj: Model | None = None,
    **detail: object,
) -> AuditEvent:
    """Write one audit row. `detail` must hold no personal data: ids, codes, counts, field names."""
    row = audit_row(action, actor=actor, subject=subject, obj=obj, **detail)
    row.save(force_insert=True)
    return row


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
