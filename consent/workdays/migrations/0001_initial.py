"""Moved here from the consent app with its table(s), which keep their names (Meta.db_table):
nothing in the database changes but the content types, so the role groups' permissions follow."""


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
                    name='CalendarOverride',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(unique=True, verbose_name='date')),
                        ('is_working_day', models.BooleanField(help_text='Ticked: a working day (e.g. a Saturday moved by decree).', verbose_name='working day')),
                        ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                    ],
                    options={
                        'verbose_name': 'calendar exception',
                        'verbose_name_plural': 'working-day calendar',
                        'db_table': 'consent_calendaroverride',
                        'ordering': ['-date'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_mover('consent.calendaroverride', 'workdays.calendaroverride'), migrations.RunPython.noop),
    ]
