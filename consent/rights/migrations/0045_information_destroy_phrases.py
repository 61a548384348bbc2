"""«Information» and «сведения» named as the data to delete (compliance L7, L13): «Информацию
обо мне удалите», «Удалите сведения обо мне», «Ақпаратымды өшіріңіз» opened an access request
(the noun read as information asked for, informed.py) or "other"; they ask for a destruction,
which is done only once the person confirms it. Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("destroy", "Удалить информацию обо мне", "ru",
     "также «информацию обо мне удалите»; «информацию об удалении пришлите» — доступ"),
    ("destroy", "Удалить сведения обо мне", "ru", "также «сведения обо мне удалите»"),
    ("destroy", "Ақпаратымды өшіру", "kk",
     "сондай-ақ «мен туралы ақпаратты өшіріңіз»; «жою туралы ақпарат беріңіз» — қол жеткізу"),
    ("destroy", "Ақпаратымды жою", "kk", "сондай-ақ «ақпаратымды жойыңыз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0044_spam_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
