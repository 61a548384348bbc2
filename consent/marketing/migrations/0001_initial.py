"""Moved here from the consent app with its table(s), which keep their names (Meta.db_table):
nothing in the database changes but the content types, so the role groups' permissions follow."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from consent.common.moves import content_type_mover


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('consent', '0013_move_to_their_apps'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Campaign',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='internal title')),
                        ('subject_kk', models.CharField(max_length=200, verbose_name='email subject (Kazakh)')),
                        ('body_kk', models.TextField(verbose_name='text (Kazakh)')),
                        ('subject_ru', models.CharField(blank=True, max_length=200, verbose_name='email subject (Russian)')),
                        ('body_ru', models.TextField(blank=True, help_text='Empty: Russian readers get the Kazakh text.', verbose_name='text (Russian)')),
                        ('status', models.CharField(choices=[('draft', 'draft'), ('sent', 'queued for sending')], default='draft', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                        ('recipient_count', models.PositiveIntegerField(default=0, verbose_name='recipients')),
                    ],
                    options={
                        'verbose_name': 'campaign',
                        'verbose_name_plural': 'campaigns',
                        'db_table': 'consent_campaign',
                        'ordering': ['-id'],
                    },
                ),
                migrations.CreateModel(
                    name='CampaignRecipient',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('kk', 'Қазақша'), ('ru', 'Русский')], max_length=2, verbose_name='language')),
                        ('queued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='queued')),
                        ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='recipients', to='marketing.campaign')),
                        ('subject', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='campaigns_received', to='consent.subject')),
                    ],
                    options={
                        'verbose_name': 'campaign recipient',
                        'verbose_name_plural': 'campaign recipients',
                        'db_table': 'consent_campaignrecipient',
                        'constraints': [models.UniqueConstraint(fields=('campaign', 'subject'), name='one_send_per_person')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('consent.campaign', 'marketing.campaign'), migrations.RunPython.noop),
        migrations.RunPython(content_type_mover('consent.campaignrecipient', 'marketing.campaignrecipient'), migrations.RunPython.noop),
    ]
