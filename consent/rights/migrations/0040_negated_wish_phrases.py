"""Phrases of a negated wish to receive the news (compliance L7, L15).

«Рассылку получать не желаю» opened "other" while «не хочу получать рассылку» stops the news:
«желаю» is no form of «хочу». «Хат алғым келмейді», «Хаттарды алғым келмейді» (I do not want
letters) opened "other" while «Хабарлама алғым келмейді» stops them: «хат» is too short a word to
be read by its stem (phrases.same_word), so each form is a row. The object may stand first, the
wish last (word_order.WISHING). Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Не желаю получать рассылку", "ru", "также «рассылку получать не желаю»"),
    ("unsubscribe", "Не желаю получать письма", "ru", "также «письма получать не желаю»"),
    ("unsubscribe", "Хат алғым келмейді", "kk", "«сізден хат алғым келмейді»"),
    ("unsubscribe", "Хаттарды алғым келмейді", "kk", "«бұдан былай хаттарды алғым келмейді»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0039_unasked_stop_and_kept_block"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
