"""When the officers were told of an email set aside (alerts.tell_set_aside). Those set aside
before were each told of as they arrived: marked told then, so that no summary repeats them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rights', '0018_asked_politely_phrases'),
    ]

    operations = [
        migrations.AddField(
            model_name='quarantinedmessage',
            name='told_at',
            field=models.DateTimeField(blank=True, db_index=True, editable=False, null=True, verbose_name='officers told'),
        ),
        migrations.RunSQL(
            "UPDATE rights_quarantinedmessage SET told_at = received_at WHERE reason <> 'automated'",
            migrations.RunSQL.noop,
        ),
    ]
