"""A consent cancelled is a withdrawal (compliance L7, L14): «Отменяю своё согласие на рассылку»,
«Прошу отменить согласие на обработку персональных данных», «Аннулируйте моё согласие»,
«Келісімімнің күшін жойыңыз» named no request and went to an officer as "other" while the
processing went on. A cancelling word before a request's noun or act still calls that request
off (taken_back.py: «Отмените мою заявку», «Отмените моё удаление»). Each note in the row's
language (0021)."""

from django.db import migrations

PHRASES = [
    ("withdraw", "Отменить согласие", "ru",
     "также «отменяю своё согласие на рассылку»; «отмените мою заявку» — отмена запроса"),
    ("withdraw", "Аннулировать согласие", "ru", "также «аннулируйте моё согласие»"),
    ("withdraw", "Келісімнің күшін жою", "kk",
     "сондай-ақ «келісімімнің күшін жойыңыз»; «өтінішімнің күшін жойыңыз» — өтінішті кері алу"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0051_ticket_replaces"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
