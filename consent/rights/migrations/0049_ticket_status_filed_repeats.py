"""A request filed with an open one is a reply quoting it or the same request sent again: its
status says both, as the desk's other words for it do (links.link_unsent)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0048_set_aside_senders_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ticket",
            name="status",
            field=models.CharField(
                choices=[
                    ("unverified", "waiting for the person to confirm"),
                    ("open", "confirmed, to be done"),
                    ("done", "done"),
                    ("refused", "refused with reasons"),
                    ("closed", "closed without action"),
                    ("not_confirmed", "closed: identity not confirmed"),
                    ("no_data", "closed: no data held"),
                    ("filed", "closed: filed with the request it answers or repeats"),
                ],
                db_index=True,
                default="unverified",
                max_length=20,
                verbose_name="status",
            ),
        ),
    ]
