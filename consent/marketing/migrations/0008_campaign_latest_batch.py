from django.db import migrations, models

from consent.common.schema import AddIndexConcurrently


class Migration(migrations.Migration):
    # Built concurrently (consent.common.schema): the recipients' table is the largest here, and
    # a plain CREATE INDEX would stop the sending and the desk while it reads every row.
    atomic = False

    dependencies = [
        ("marketing", "0007_campaign_sent_in_background"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="campaignrecipient",
            index=models.Index(fields=["campaign", "queued_at"], name="campaign_latest_batch"),
        ),
    ]
