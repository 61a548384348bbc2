"""Each person's name as the desk's search compares it (consent.core.names), for the people
recorded before. A change to the rules of consent.core.names needs a migration that runs
`names_rekey` again, or a stored name would be compared by the old rules."""

from django.db import migrations, models

from consent.core.names import name_key


def names_rekey(apps, schema_editor):
    Subject = apps.get_model("consent", "Subject")
    batch = []
    for subject in Subject.objects.only("full_name", "name_key").iterator(chunk_size=2000):
        key = name_key(subject.full_name)
        if key != subject.name_key:
            subject.name_key = key
            batch.append(subject)
        if len(batch) >= 2000:
            Subject.objects.bulk_update(batch, ["name_key"])
            batch = []
    Subject.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0034_audit_campaign_start"),
    ]

    operations = [
        migrations.AddField(
            model_name="subject",
            name="name_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=600),
        ),
        migrations.RunPython(names_rekey, migrations.RunPython.noop, elidable=False),
    ]
