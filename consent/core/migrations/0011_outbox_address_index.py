from django.db import migrations

# The outbox is post_office's table; consent looks it up by address (case-insensitive): the
# subject page's "emails sent" and a subject's destruction. Without this index both read the
# whole outbox, which holds every campaign email.
INDEX = "consent_outbox_to_upper"


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0010_login_failed"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX {INDEX} ON post_office_email (UPPER("to"))',
            f"DROP INDEX {INDEX}",
        ),
        # Statistics of the indexed expression now, or the planner guesses until autovacuum.
        migrations.RunSQL("ANALYZE post_office_email", migrations.RunSQL.noop),
    ]
