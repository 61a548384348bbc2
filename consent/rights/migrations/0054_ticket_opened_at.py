"""When each request was opened (Ticket.opened_at), for the nightly closing of those no one can
confirm any more (rights.expiring): a request made before is given the time of its audit row
«request received», the moment its row was made, or, with none, its receipt."""

import django.db.models.functions.datetime
import django.utils.timezone
from django.db import migrations, models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce


def opened_when_received(apps, schema_editor):
    Ticket = apps.get_model("rights", "Ticket")
    AuditEvent = apps.get_model("consent", "AuditEvent")
    opened = AuditEvent.objects.filter(
        action="request_open",
        object_type="rights.ticket",
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("id")
    Ticket.objects.update(
        opened_at=Coalesce(Subquery(opened.values("at")[:1]), "received_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0066_audit_request_expire_link_send"),
        ("rights", "0053_english_account_and_list_phrases"),
    ]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="opened_at",
            field=models.DateTimeField(
                db_default=django.db.models.functions.datetime.Now(),
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="opened",
            ),
        ),
        migrations.RunPython(opened_when_received, migrations.RunPython.noop),
    ]
