"""A tombstone records what a destruction took, not only a whole person: items of a person who
stays (a minimisation) and a parent's or guardian's name and contact on children's records,
so that `tombstones reapply` destroys them again in a database restored from an older backup.
Only the whole person's tombstone still means the person is gone (the commit-time check)."""

from django.db import migrations, models


def install(apps, schema_editor):
    from consent.core import sql

    sql.install_tombstone_kinds(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("consent", "0040_submission_grants")]

    operations = [
        migrations.AddField(
            model_name="tombstone",
            name="erased",
            field=models.JSONField(
                blank=True,
                db_default=models.Value([], models.JSONField()),
                default=list,
                verbose_name="items destroyed",
            ),
        ),
        migrations.AddField(
            model_name="tombstone",
            name="kind",
            field=models.CharField(
                choices=[
                    ("subject", "the whole record"),
                    ("minimised", "part of the record"),
                    ("guardian", "a parent's or guardian's data"),
                ],
                db_default="subject",
                default="subject",
                max_length=20,
                verbose_name="what was destroyed",
            ),
        ),
        migrations.AlterField(
            model_name="tombstone",
            name="subject_ref",
            field=models.BigIntegerField(blank=True, null=True, verbose_name="data subject"),
        ),
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
