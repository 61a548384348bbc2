"""A letter is known by its letter key (consent/rights/keys.py), no longer by its Message-ID
alone, which other letters can carry too: the Message-ID stays, readable and no longer unique.
Requests stored before have no letter key; the intake still knows their letters by the
Message-ID and what the request holds (intake.seen_before)."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rights', '0010_ticket_about_someone_else'),
    ]

    operations = [
        migrations.AddField(
            model_name='ticket',
            name='letter_key',
            field=models.CharField(editable=False, max_length=71, null=True, unique=True, verbose_name='message fingerprint'),
        ),
        migrations.AlterField(
            model_name='quarantinedmessage',
            name='reason',
            field=models.CharField(choices=[('unreadable', "the message's structure could not be read"), ('undecodable', 'its text is in an unknown or broken encoding'), ('no_sender', 'no single valid sender address to answer'), ('too_large', 'the message is too large'), ('too_long', 'its text is longer than a request can hold'), ('store_failed', 'the database refused to store it'), ('automated', 'sent by a machine (auto-reply, bounce, list) or in our name'), ('reused_id', 'the Message-ID of a letter destroyed since: perhaps the same')], max_length=20, verbose_name='reason'),
        ),
        migrations.AlterField(
            model_name='ticket',
            name='message_id',
            field=models.CharField(blank=True, db_index=True, max_length=300, null=True, verbose_name='email Message-ID'),
        ),
    ]
