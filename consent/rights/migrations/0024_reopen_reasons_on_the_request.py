"""Why an officer reopened a request is kept on the request, not in the append-only audit row,
so that it goes when the person's data is destroyed (compliance L13): whatever the officer
typed there (a name, a number) stayed in the audit log for good. Rows written before keep
their reasons: the audit log is never changed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rights", "0023_letter_limits")]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="reopen_reasons",
            field=models.JSONField(
                blank=True,
                db_default=models.Value({}, models.JSONField()),
                default=dict,
                editable=False,
                verbose_name="reasons for reopening",
            ),
        ),
    ]
