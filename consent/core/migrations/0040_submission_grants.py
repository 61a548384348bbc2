"""A submission's link to the consents its form gave. Before it the submission's page and the
access export said nothing of them («-», ""): only consents held back were noted. The grants of
earlier submissions are found as the form wrote them: the same person, the form as source, in
the same transaction (within a minute of it), or a held consent confirmed by its link later."""

from datetime import timedelta

from django.db import migrations, models

SAME_TRANSACTION = timedelta(minutes=1)


def link_grants(apps, schema_editor):
    Submission = apps.get_model("consent", "Submission")
    LedgerEntry = apps.get_model("consent", "LedgerEntry")
    Link = Submission.grants.through
    links = []
    for submission in Submission.objects.order_by("id").iterator(chunk_size=500):
        grants = LedgerEntry.objects.filter(subject_id=submission.subject_id, kind="grant")
        ids = list(
            grants.filter(
                source=submission.source,
                at__gte=submission.created_at,
                at__lt=submission.created_at + SAME_TRANSACTION,
            ).values_list("id", flat=True)
        )
        if submission.consent_held == "confirmed":
            for text_id in (submission.held or {}).get("texts", {}).values():
                first = (
                    grants.filter(source="form_confirmed", text_id=text_id,
                                  at__gt=submission.created_at)  # fmt: skip
                    .order_by("at", "id")
                    .values_list("id", flat=True)
                    .first()
                )
                if first is not None:
                    ids.append(first)
        links += [Link(submission_id=submission.id, ledgerentry_id=pk) for pk in ids]
        if len(links) >= 1000:
            Link.objects.bulk_create(links, ignore_conflicts=True)
            links = []
    Link.objects.bulk_create(links, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0039_form_data_lists"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="grants",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="+",
                to="consent.ledgerentry",
                verbose_name="consents given on this form",
            ),
        ),
        migrations.RunPython(link_grants, migrations.RunPython.noop),
    ]
