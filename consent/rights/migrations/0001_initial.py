"""Moved here from the consent app with its table(s), which keep their names (Meta.db_table):
nothing in the database changes but the content types, so the role groups' permissions follow."""

import consent.core.purposes
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
                    name='Breach',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('detected_at', models.DateTimeField(verbose_name='detected')),
                        ('description', models.TextField(help_text='No personal data here.', verbose_name='what happened')),
                        ('data_affected', models.TextField(blank=True, verbose_name='data affected')),
                        ('people_affected', models.PositiveIntegerField(default=0, verbose_name='people affected (estimate)')),
                        ('measures', models.TextField(blank=True, verbose_name='measures taken')),
                        ('regulator_due', models.DateField(editable=False, verbose_name='regulator to be notified by')),
                        ('regulator_notified_at', models.DateTimeField(blank=True, null=True, verbose_name='regulator notified')),
                        ('subjects_notified', models.BooleanField(default=False, verbose_name='people affected were told')),
                        ('subjects_notified_at', models.DateTimeField(blank=True, null=True, verbose_name='people told on')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='recorded')),
                    ],
                    options={
                        'verbose_name': 'breach incident',
                        'verbose_name_plural': 'breach register',
                        'db_table': 'consent_breach',
                        'ordering': ['-detected_at'],
                    },
                ),
                migrations.CreateModel(
                    name='UsedLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('nonce', models.UUIDField(unique=True)),
                        ('used_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        'db_table': 'consent_usedlink',
                    },
                ),
                migrations.CreateModel(
                    name='Ticket',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('type', models.CharField(choices=[('access', 'access to my data'), ('correct', 'correct or update my data'), ('block', 'block processing'), ('unblock', 'unblock processing'), ('destroy', 'destroy my data'), ('withdraw', 'withdraw consent'), ('unsubscribe', 'stop news and offers'), ('publication_removal', 'remove my data from public sources'), ('transfer_notice', 'tell me about transfers to third parties'), ('automated_objection', 'object to automated decisions about me'), ('other', 'other question')], max_length=20, verbose_name='type')),
                        ('status', models.CharField(choices=[('unverified', 'waiting for the person to confirm'), ('open', 'confirmed, to be done'), ('done', 'done'), ('refused', 'refused with reasons'), ('closed', 'closed without action')], db_index=True, default='unverified', max_length=20, verbose_name='status')),
                        ('channel', models.CharField(choices=[('web', 'web form'), ('email', 'email'), ('self_service', 'self-service page')], max_length=20, verbose_name='received by')),
                        ('email', models.EmailField(max_length=254, verbose_name="requester's email")),
                        ('language', models.CharField(choices=[('kk', 'Қазақша'), ('ru', 'Русский')], default='kk', max_length=2, verbose_name='language')),
                        ('purpose', models.CharField(blank=True, choices=consent.core.purposes.purpose_choices, help_text='For a withdrawal: empty means every purpose.', max_length=30, verbose_name='purpose')),
                        ('message', models.TextField(blank=True, verbose_name='message')),
                        ('message_id', models.CharField(blank=True, max_length=300, null=True, unique=True, verbose_name='email Message-ID')),
                        ('received_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='received')),
                        ('due_date', models.DateField(db_index=True, verbose_name='due')),
                        ('verified_at', models.DateTimeField(blank=True, null=True, verbose_name='identity confirmed')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                        ('outcome', models.TextField(blank=True, verbose_name='answer to the person')),
                        ('subject', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tickets', to='consent.subject', verbose_name='data subject')),
                    ],
                    options={
                        'verbose_name': 'request',
                        'verbose_name_plural': 'requests',
                        'db_table': 'consent_request',
                        'ordering': ['due_date', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Correction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('field', models.CharField(max_length=40, verbose_name='field')),
                        ('old_value', models.TextField(blank=True, verbose_name='old value')),
                        ('new_value', models.TextField(blank=True, verbose_name='new value')),
                        ('document', models.CharField(max_length=300, verbose_name='supporting document')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='time')),
                        ('subject', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='corrections', to='consent.subject')),
                        ('ticket', models.ForeignKey(blank=True, db_column='request_id', null=True, on_delete=django.db.models.deletion.SET_NULL, to='rights.ticket')),
                    ],
                    options={
                        'verbose_name': 'correction',
                        'verbose_name_plural': 'corrections',
                        'db_table': 'consent_correction',
                    },
                ),
                migrations.AddIndex(
                    model_name='ticket',
                    index=models.Index(fields=['status', 'due_date'], name='request_desk'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('consent.request', 'rights.ticket'), migrations.RunPython.noop),
        migrations.RunPython(content_type_mover('consent.correction', 'rights.correction'), migrations.RunPython.noop),
        migrations.RunPython(content_type_mover('consent.usedlink', 'rights.usedlink'), migrations.RunPython.noop),
        migrations.RunPython(content_type_mover('consent.breach', 'rights.breach'), migrations.RunPython.noop),
    ]
