"""The news turned off or stopped in words no phrase held (compliance L7, L15): «Остановите
рассылку», «Выключите рассылку», «Хабарламаларды өшіріңіз», «Рассылканы өшіріңіз» opened "other",
fifteen working days for an officer while the news went on, though each stops them as plainly
as «Отключите рассылку» and «Таратылымды өшіріңіз» (0041). Their verbs also stop the news a
letter names by a pronoun («Рассылка приходит, остановите её», pronouns.py). Each note in the
row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Остановить рассылку", "ru", "также «остановите рассылку», «остановите её»"),
    ("unsubscribe", "Выключить рассылку", "ru", "также «выключите рассылку», «выключите её»"),
    ("unsubscribe", "Хабарламаларды өшіру", "kk", "«хабарламаларды өшіріңіз», «оларды өшіріңіз»"),
    ("unsubscribe", "Рассылканы өшіру", "kk", "«рассылканы өшіріңіз», «оны өшіріңіз»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0054_ticket_opened_at"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
