"""Moved here from the consent app with its table(s), which keep their names (Meta.db_table):
nothing in the database changes but the content types, so the role groups' permissions follow."""

import django.utils.timezone
from django.db import migrations, models

from consent.common.moves import content_type_mover


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('consent', '0013_move_to_their_apps'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CookieChoice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('visitor', models.UUIDField(db_index=True, verbose_name='random visitor id')),
                        ('choice', models.CharField(choices=[('accept', 'accepted'), ('reject', 'rejected')], max_length=10, verbose_name='choice')),
                        ('policy_version', models.PositiveIntegerField(verbose_name='privacy policy version')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='time')),
                    ],
                    options={
                        'verbose_name': 'cookie choice',
                        'verbose_name_plural': 'cookie choices',
                        'db_table': 'consent_cookiechoice',
                        'ordering': ['-id'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('consent.cookiechoice', 'cookies.cookiechoice'), migrations.RunPython.noop),
    ]
