from django.db import migrations


def install(apps, schema_editor):
    from consent.core import sql

    sql.install_destroy(schema_editor)


class Migration(migrations.Migration):
    """emalu_destroy_subject() needs the request it answers and writes the tombstone and the
    audit row itself; a commit-time trigger refuses a tombstone whose subject still exists."""

    dependencies = [("consent", "0014_phone_is_not_identity")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
