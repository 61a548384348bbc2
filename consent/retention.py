"""Retention (legal item 5): no personal data kept past the term of every purpose it serves."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import gate
from .ledger import consent_expire
from .models import LedgerEntry, Request, Source, Subject, UsedLink
from .purposes import PURPOSES
from .subjects import subject_destroy

# An access answer carries everything held about the person; once delivered, the outbox keeps
# its attachments a week (for a resend), not for as long as it keeps the mail.
SENT_ATTACHMENTS_KEPT = timedelta(days=7)


def drop_sent_attachments(before):
    """Delete attachments (rows and files) whose every email was sent before `before`, and
    attachments no email refers to any more."""
    from post_office.models import STATUS, Attachment, Email

    unsent_or_recent = Email.objects.exclude(status=STATUS.sent, last_updated__lt=before)
    done = Attachment.objects.exclude(emails__in=unsent_or_recent)
    files = [(a.file.storage, a.file.name) for a in done if a.file]
    done.delete()
    for storage, name in files:
        storage.delete(name)


def retention_plan(at=None):
    """What the job would do at `at`: {"expire": [(subject id, purpose)], "destroy": [ids],
    "review": [(id, reason)]}. Subjects some purpose may still process are left alone."""
    at = at or timezone.now()
    active = set()
    for purpose in PURPOSES:
        active |= set(gate.permitted(purpose, at=at).values_list("pk", flat=True))
    expired_grants = []
    for subject_id, purpose, kind, expires in _latest_consents(at):
        if kind == LedgerEntry.Kind.GRANT and expires is not None and expires <= at:
            expired_grants.append((subject_id, purpose))
    open_requests = set(
        Request.objects.filter(
            status__in=["unverified", "open"], subject__isnull=False
        ).values_list("subject_id", flat=True)
    )
    plan = {"expire": expired_grants, "destroy": [], "review": []}
    for subject in Subject.objects.exclude(pk__in=active).only("pk").order_by("pk"):
        if subject.pk in open_requests:
            plan["review"].append((subject.pk, "open request"))
        elif gate.is_blocked(subject, at):
            plan["review"].append((subject.pk, "blocked: staff decide after the check"))
        elif not LedgerEntry.objects.filter(subject=subject).exists():
            plan["review"].append((subject.pk, "no consent on record"))
        else:
            plan["destroy"].append(subject.pk)
    return plan


def _latest_consents(at):
    from django.db.models import Max

    last_ids = (
        LedgerEntry.objects.filter(purpose__isnull=False, at__lte=at)
        .values("subject", "purpose")
        .annotate(last=Max("id"))
        .values("last")
    )
    return LedgerEntry.objects.filter(pk__in=last_ids).values_list(
        "subject_id", "purpose", "kind", "expires_at"
    )


def enforce_retention(at=None, dry_run=False):
    """Record expiries, destroy what no purpose may keep, and return the plan for review."""
    at = at or timezone.now()
    plan = retention_plan(at)
    if dry_run:
        return plan
    subjects = {s.pk: s for s in Subject.objects.filter(pk__in={sid for sid, _ in plan["expire"]})}
    for subject_id, purpose in plan["expire"]:
        with transaction.atomic():
            consent_expire(subjects[subject_id], purpose, source=Source.RETENTION)
    for subject_id in plan["destroy"]:
        with transaction.atomic():
            subject = Subject.objects.get(pk=subject_id)
            subject_destroy(subject, request_ref=f"retention {at:%Y-%m-%d}")
    drop_sent_attachments(at - SENT_ATTACHMENTS_KEPT)
    # Housekeeping without personal data: spent one-time links and form tokens.
    UsedLink.objects.filter(used_at__lt=at - timedelta(days=2)).delete()
    from django.apps import apps

    apps.get_model("forms_app", "UsedFormToken").objects.filter(
        used_at__lt=at - timedelta(days=2)
    ).delete()
    return plan
