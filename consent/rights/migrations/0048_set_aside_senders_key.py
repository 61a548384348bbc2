"""Which SECRET_KEY an email set aside had its senders' digests made under (set_aside.py): one
noted under a key since changed is read for its senders when a person is destroyed. Those noted
before say "" (unknown) and are read so too."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rights', '0047_no_longer_consenting_phrases'),
    ]

    operations = [
        migrations.AddField(
            model_name='quarantinedmessage',
            name='senders_key',
            field=models.CharField(db_default='', default='', editable=False, max_length=16),
        ),
    ]
