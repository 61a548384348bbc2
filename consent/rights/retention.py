"""Retention (compliance L5): no personal data kept past the term of every purpose it serves."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from consent.core import gate
from consent.core.ledger import consent_expire
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import PURPOSES

from .erasure import subject_destroy
from .models import QuarantinedMessage, Ticket, UsedLink

# An access answer carries everything held about the person; once delivered, the outbox keeps
# its attachments a week (for a resend), not for as long as it keeps the mail.
SENT_ATTACHMENTS_KEPT = timedelta(days=7)
SPENT_TOKENS_KEPT = timedelta(days=2)
# An email the intake set aside (compliance L7) is kept long enough for the officers to read it
# and open its request (the longest deadline is 15 working days), and no longer: it is personal
# data of someone nobody has identified yet.
QUARANTINE_KEPT = timedelta(days=30)
# Sent after each run with `before`: apps above this one prune their own spent tokens.
retention_ran = Signal()


def drop_sent_attachments(before: datetime) -> None:
    """Delete attachments (rows and files) whose every email was sent before `before`, and
    attachments no email refers to any more."""
    from post_office.models import STATUS, Attachment, Email

    unsent_or_recent = Email.objects.exclude(status=STATUS.sent, last_updated__lt=before)
    done = Attachment.objects.exclude(emails__in=unsent_or_recent)
    files = [(a.file.storage, a.file.name) for a in done if a.file]
    done.delete()
    for storage, name in files:
        storage.delete(name)


def retention_plan(at: datetime | None = None) -> dict[str, list[Any]]:
    """What the job would do at `at`: {"expire": [(subject id, purpose)], "destroy": [ids],
    "review": [(id, reason)], "quarantine": [ids of emails set aside past QUARANTINE_KEPT]}.
    Subjects some purpose may still process are left alone."""
    at = at or timezone.now()
    active = set()
    for purpose in PURPOSES:
        active |= set(gate.permitted_subjects(purpose, at=at).values_list("pk", flat=True))
    expired_grants = []
    for subject_id, purpose, kind, expires in _latest_consents(at):
        if kind == LedgerEntry.Kind.GRANT and expires is not None and expires <= at:
            expired_grants.append((subject_id, purpose))
    open_tickets = set(
        Ticket.objects.open().filter(subject__isnull=False).values_list("subject_id", flat=True)
    )
    set_aside = QuarantinedMessage.objects.filter(received_at__lt=at - QUARANTINE_KEPT)
    plan = {"expire": expired_grants, "destroy": [], "review": [],
            "quarantine": sorted(set_aside.values_list("pk", flat=True))}  # fmt: skip
    for subject in Subject.objects.exclude(pk__in=active).only("pk").order_by("pk"):
        if subject.pk in open_tickets:
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


def enforce_retention(at: datetime | None = None, dry_run: bool = False) -> dict[str, list[Any]]:
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
    QuarantinedMessage.objects.filter(pk__in=plan["quarantine"]).delete()
    drop_sent_attachments(at - SENT_ATTACHMENTS_KEPT)
    # Housekeeping without personal data: spent one-time links here, and whatever the apps
    # above keep of the same kind (forms_app: used form tokens) through the signal.
    UsedLink.objects.filter(used_at__lt=at - SPENT_TOKENS_KEPT).delete()
    retention_ran.send(sender=enforce_retention, before=at - SPENT_TOKENS_KEPT)
    return plan
