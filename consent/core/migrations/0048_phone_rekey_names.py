"""The desk's search keys again (consent.core.names), now that a name is read NFKC: a name
stored in compatibility letters («Ａｓｅｌ», «𝐀𝐬𝐞𝐥», before forms folded them) is found by
«Asel». The names themselves are kept as they were stored."""

from django.db import migrations

from consent.core.names import name_key


def rekey(apps, schema_editor):
    for model in ("Subject", "Guardian"):
        Model = apps.get_model("consent", model)
        batch = []
        for row in Model.objects.only("full_name", "name_key").iterator(chunk_size=2000):
            key = name_key(row.full_name)
            if key != row.name_key:
                row.name_key = key
                batch.append(row)
            if len(batch) >= 2000:
                Model.objects.bulk_update(batch, ["name_key"])
                batch = []
        Model.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0047_officer_audit_actions"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop, elidable=False)]
