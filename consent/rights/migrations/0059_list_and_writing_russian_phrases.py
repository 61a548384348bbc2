"""The Russian twins of stops the table held in Kazakh only (compliance L7, L15): «Уберите меня
из списка», «Удалите меня из списка», «Исключите меня из списка» opened "other", fifteen working
days for an officer while the news went on, where «Мені тізімнен алып тастаңыз» and «Мені
тізімнен шығарыңыз» unsubscribe (0017, 0036); and «Хватит мне писать» did, where «Перестаньте
мне писать» and «Маған жазуды тоқтатыңыз» unsubscribe. Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Убрать из списка", "ru", "также «прошу убрать меня из списка»"),
    ("unsubscribe", "Уберите из списка", "ru", "также «уберите меня из вашего списка»"),
    ("unsubscribe", "Удалить из списка", "ru", "также «удалите меня из списка»"),
    ("unsubscribe", "Исключить из списка", "ru", "также «исключите меня из списка»"),
    ("unsubscribe", "Хватит писать", "ru", "также «хватит мне писать»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0058_russian_nouns_in_kazakh_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
