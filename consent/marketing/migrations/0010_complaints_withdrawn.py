"""A complaint (the recipient marked a campaign mail as spam) stopped the news but wrote no
withdrawal on the ledger before returns.py wrote one: the record of consent said the person still
agreed. Each complaint on record is withdrawn now as returns.py withdraws one (source
«complaint», with its audit row), for a person whose latest marketing event is a grant given
before the complaint came: one who unsubscribed since has their withdrawal, and one who
subscribed again since by a new double opt-in has their later word. The row is dated now, when
it is written (the ledger is not back-dated); the audit row says when the complaint came."""

from django.db import migrations
from django.utils import timezone


def withdraw(apps, schema_editor):
    CampaignRecipient = apps.get_model("marketing", "CampaignRecipient")
    LedgerEntry = apps.get_model("consent", "LedgerEntry")
    AuditEvent = apps.get_model("consent", "AuditEvent")
    complaints = CampaignRecipient.objects.filter(returned_as="complaint").order_by("returned_at")
    came = {}  # the latest complaint of each person
    for subject_id, at in complaints.values_list("subject_id", "returned_at"):
        came[subject_id] = at
    now = timezone.now()
    for subject_id, at in sorted(came.items()):
        latest = (
            LedgerEntry.objects.filter(subject_id=subject_id, purpose="marketing", at__lte=now)
            .order_by("-id")
            .first()
        )
        if latest is None or latest.kind != "grant" or latest.at > at:
            continue
        entry = LedgerEntry.objects.create(
            subject_id=subject_id, purpose="marketing", kind="withdraw", source="complaint", at=now
        )
        AuditEvent.objects.create(
            action="consent_withdraw", subject_ref=subject_id, object_type="consent.ledgerentry",
            object_id=str(entry.pk), at=now,
            detail={"purpose": "marketing", "complaint_at": at.isoformat()},
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("marketing", "0009_direction_marks_closed"),
        ("consent", "0053_source_complaint"),
    ]

    operations = [migrations.RunPython(withdraw, migrations.RunPython.noop)]
