"""The Russian twins of stops the table held in Kazakh only (compliance L7, L15): «Уберите меня
из списка», «Удалите меня из списка», «Исключите меня из списка» opened "other", fifteen working
days for an officer while the news went on, where «Мені тізімнен алып тастаңыз» and «Мені
тізімнен шығарыңыз» unsubscribe (0017, 0036); and «Хватит мне писать» did, where «Перестаньте
мне писать» and «Маған жазуды тоқтатыңыз» unsubscribe. Each note in the row's language (0021)."""

from django.db import migrations

from . import _phrases

PHRASES = [
    ("unsubscribe", "Убрать из списка", "ru", "также «прошу убрать меня из списка»"),
    ("unsubscribe", "Уберите из списка", "ru", "также «уберите меня из вашего списка»"),
    ("unsubscribe", "Удалить из списка", "ru", "также «удалите меня из списка»"),
    ("unsubscribe", "Исключить из списка", "ru", "также «исключите меня из списка»"),
    ("unsubscribe", "Хватит писать", "ru", "также «хватит мне писать»"),
]  # fmt: skip


def seed(apps, schema_editor):
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0058_russian_nouns_in_kazakh_phrases"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
