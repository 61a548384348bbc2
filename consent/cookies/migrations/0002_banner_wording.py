"""The banner's wording, kept once and named by each answer (consent/cookies/wording.py); the
answers logged before keep no wording. Its rows are append-only as the answers' are."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def protect(apps, schema_editor):
    """The same append-only triggers as the ledger's (consent/core/sql.py)."""
    from consent.core import sql

    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(sql.TABLE_TRIGGERS.format(t="cookies_bannerwording"), params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('cookies', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='BannerWording',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('kk', 'Қазақша'), ('ru', 'Русский')], max_length=2, verbose_name='language')),
                ('text', models.TextField(verbose_name='text')),
                ('digest', models.CharField(max_length=64, unique=True, verbose_name='SHA-256 of the text shown')),
                ('first_answered', models.DateTimeField(default=django.utils.timezone.now, verbose_name='first answered')),
            ],
            options={
                'verbose_name': 'cookie banner wording',
                'verbose_name_plural': 'cookie banner wordings',
                'ordering': ['-id'],
            },
        ),
        migrations.AddField(
            model_name='cookiechoice',
            name='wording',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='choices', to='cookies.bannerwording', verbose_name='cookie banner wording'),
        ),
        migrations.RunPython(protect, migrations.RunPython.noop),
    ]
