# A kept request is also one a button of the page brought along: its name says so.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('rights', '0014_kept_request'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='keptrequest',
            options={'verbose_name': 'request written on your page and not sent', 'verbose_name_plural': 'requests written on your page and not sent'},
        ),
    ]
