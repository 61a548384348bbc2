"""The words a consent text shows for a person with no name (core.nameless), frozen with each
text from now on. A published row cannot be changed (core.sql): the texts published before read
with the words of `nameless.EARLIER`, fixed in the code."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("consent", "0066_audit_request_expire_link_send")]

    operations = [
        migrations.AddField(
            model_name="consenttext",
            name="nameless",
            field=models.JSONField(
                blank=True,
                db_default=models.Value({}, models.JSONField()),
                default=dict,
                editable=False,
                verbose_name="data subject with no name",
            ),
        ),
    ]
