"""Each grant and withdrawal counted by the database as its ledger row is inserted
(core.sql.COUNT_CONSENTS), not by the code: a consent recorded by a host still on the code before
the release was never counted. Migration 0064 installs it too, with the count of the ledger; this
puts it in a database that took 0064 before it did."""

from django.db import migrations


def count_from_now_on(apps, schema_editor):
    from consent.core import sql

    sql.install_counting(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("consent", "0064_consents_counted")]

    operations = [migrations.RunPython(count_from_now_on, migrations.RunPython.noop)]
