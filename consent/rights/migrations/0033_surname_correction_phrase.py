"""«Тегімді түзетіңіз» (correct my surname) named no correction: a letter of it alone was read a
correction only by the rule of one item to change (items.py), which reads only a letter that
names no right, so «Деректерімді жойыңыз және тегімді түзетіңіз» opened a destruction and the
correction was lost. Its twin «Тегімді өзгерту» is seeded (0003); so is the Russian «Исправление
фамилии». Its note in Kazakh, the row's language (0021)."""

from django.db import migrations

PHRASES = [("correct", "Тегімді түзету", "«тегімді түзетіңіз», «тегімдегі қатені түзету»")]


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": "kk", "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0032_newsletter_stop_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
