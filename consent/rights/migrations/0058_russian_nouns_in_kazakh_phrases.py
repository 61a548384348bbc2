"""Russian's words for the data and the consent in Kazakh grammar, as East Kazakhstan writes
them (compliance L7): «Менің данныйларымды жойыңыз», «Данныйларымды өшіріңізші», «Согласиемді
кері қайтарамын», «Персональные данныйларымды өңдемеңіздер» opened "other", fifteen working
days for an officer while the processing went on, as «рассылкадан шығарыңыз» did before
0044. Each note in the row's language (0021)."""

from django.db import migrations

from . import _phrases

PHRASES = [
    ("destroy", "Данныйларды жою", "kk", "«менің данныйларымды жойыңыз», «данныеларымды жойыңыз»"),
    ("destroy", "Данныйларды өшіру", "kk", "«данныйларымды өшіріңізші»"),
    ("withdraw", "Данныйларды өңдемеу", "kk", "«персональные данныйларымды өңдемеңіздер»"),
    ("withdraw", "Согласиені кері қайтару", "kk",
     "«согласиемді кері қайтарамын», «согласиеімді қайтарып алыңыз»"),
    ("withdraw", "Согласиеден бас тарту", "kk", "«согласиеден бас тартамын»"),
    ("correct", "Данныйларды түзету", "kk", "«данныйларымды түзетіңіз», «…өзгертіңіз»"),
    ("correct", "Данныйларды өзгерту", "kk", "«данныйларымды өзгертіңізші»"),
]  # fmt: skip


def seed(apps, schema_editor):
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0057_processing_forbidden_phrases"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
