"""The calendar, the rights desk's, marketing's and the cookie banner's models now live in apps
of their own (consent/workdays, rights, marketing, cookies); their tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('consent', '0012_request_types_art6_19'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Breach',
                ),
                migrations.DeleteModel(
                    name='CalendarOverride',
                ),
                migrations.RemoveConstraint(
                    model_name='campaignrecipient',
                    name='one_send_per_person',
                ),
                migrations.DeleteModel(
                    name='CookieChoice',
                ),
                migrations.RemoveField(
                    model_name='correction',
                    name='request',
                ),
                migrations.RemoveField(
                    model_name='correction',
                    name='subject',
                ),
                migrations.RemoveIndex(
                    model_name='request',
                    name='request_desk',
                ),
                migrations.DeleteModel(
                    name='UsedLink',
                ),
                migrations.RemoveField(
                    model_name='campaignrecipient',
                    name='campaign',
                ),
                migrations.RemoveField(
                    model_name='campaignrecipient',
                    name='subject',
                ),
                migrations.DeleteModel(
                    name='Correction',
                ),
                migrations.RemoveField(
                    model_name='request',
                    name='subject',
                ),
                migrations.DeleteModel(
                    name='Campaign',
                ),
                migrations.DeleteModel(
                    name='CampaignRecipient',
                ),
                migrations.DeleteModel(
                    name='Request',
                ),
            ],
            database_operations=[],
        ),
    ]
