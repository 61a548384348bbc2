"""Plain ways of asking the newsletter to stop that opened "other", fifteen working days for an
officer while the news went on: «Не присылайте мне рассылку», «Таратылымды тоқтатыңыз»,
«Рассылканы тоқтатыңыз», and the pauses «Приостановите рассылку», «Поставьте рассылку на
паузу», «Таратылымды уақытша тоқтатыңыз». No campaign can be paused: a pause stops the news as
any unsubscribe does and its answer says so (asked_nothing.paused). Each note in the row's
language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Не присылайте рассылку", "ru", "также «не присылайте мне рассылку»"),
    ("unsubscribe", "Приостановите рассылку", "ru",
     "пауза: новости останавливаются, ответ говорит, что их нельзя приостановить"),
    ("unsubscribe", "Поставьте рассылку на паузу", "ru", "пауза: как «приостановите рассылку»"),
    ("unsubscribe", "Таратылымды тоқтатыңыз", "kk", "«рассылканы тоқтатыңыз» деп те жазады"),
    ("unsubscribe", "Рассылканы тоқтатыңыз", "kk", "орыс сөзімен жазылған нұсқа"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0031_english_stop_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
