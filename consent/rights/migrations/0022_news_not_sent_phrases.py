"""The Kazakh ways of asking for the news to stop by naming the news itself: «курстар туралы
жаңалықтарды жібермеңіз» opened "other", while «хабарлама жібермеу» and «хат жібермеу» were
phrases (compliance L7, L15). Each note is in the phrase's own language."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Жаңалықтар жібермеу", "kk",
     "«курстар туралы жаңалықтарды жібермеңіз»; «неге» тұрса — сұрақ"),
    ("unsubscribe", "Жаңалықтардан бас тарту", "kk",
     "«курс жаңалықтарынан бас тартамын»"),
    ("unsubscribe", "Жаңалықтар алғым келмейді", "kk",
     "«бұдан былай жаңалықтарды алғым келмейді»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0021_phrase_notes_in_their_language"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
