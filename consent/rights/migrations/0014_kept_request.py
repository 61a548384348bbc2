# Requests kept from a closed self-service page, server-side so that a destruction takes them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0029_text_bounds"),
        ("rights", "0013_ticket_channel_desk"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeptRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("access", "access to my data"),
                            ("correct", "correct or update my data"),
                            ("block", "block processing"),
                            ("unblock", "unblock processing"),
                            ("destroy", "destroy my data"),
                            ("withdraw", "withdraw consent"),
                            ("unsubscribe", "stop news and offers"),
                            ("publication_removal", "remove my data from public sources"),
                            ("transfer_notice", "tell me about transfers to third parties"),
                            ("automated_objection", "object to automated decisions about me"),
                            ("other", "other question"),
                        ],
                        max_length=32,
                        verbose_name="type",
                    ),
                ),
                ("message", models.TextField(verbose_name="message")),
                ("kept_until", models.DateTimeField(verbose_name="kept until")),
                (
                    "subject",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="kept_requests",
                        to="consent.subject",
                        verbose_name="data subject",
                    ),
                ),
            ],
            options={
                "verbose_name": "request kept from a closed page",
                "verbose_name_plural": "requests kept from a closed page",
            },
        ),
    ]
