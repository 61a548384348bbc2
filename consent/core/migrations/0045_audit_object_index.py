from django.db import migrations, models

from consent.common.schema import AddIndexConcurrently


class Migration(migrations.Migration):
    # Built concurrently (consent.common.schema): the audit log is written by every page that
    # shows a person's data, and a plain CREATE INDEX would hold those writes while it reads
    # every row of it.
    atomic = False

    dependencies = [
        ("consent", "0044_audit_breach_register"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="auditevent",
            index=models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ),
    ]
