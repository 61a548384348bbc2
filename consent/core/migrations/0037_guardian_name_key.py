"""Each guardian's name as the desk's search compares it (consent.core.names), for the guardians
recorded before: a parent is found by their own name, as the person on record is by theirs. A
change to the rules of consent.core.names needs a migration that runs this again."""

from django.db import migrations, models

from consent.core.names import name_key


def guardians_rekey(apps, schema_editor):
    Guardian = apps.get_model("consent", "Guardian")
    batch = []
    for guardian in Guardian.objects.only("full_name", "name_key").iterator(chunk_size=2000):
        key = name_key(guardian.full_name)
        if key != guardian.name_key:
            guardian.name_key = key
            batch.append(guardian)
        if len(batch) >= 2000:
            Guardian.objects.bulk_update(batch, ["name_key"])
            batch = []
    Guardian.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0036_subject_name_key_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="guardian",
            name="name_key",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(guardians_rekey, migrations.RunPython.noop, elidable=False),
    ]
