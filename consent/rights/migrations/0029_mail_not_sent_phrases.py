"""The Russian ways of asking for mail to stop by naming the letters themselves: «Не присылайте
мне письма», «Больше не присылайте мне писем», «Перестаньте присылать мне письма» opened
"other", fifteen working days for an officer, while «Не присылайте рекламу» and Kazakh «Хат
жібермеу» were phrases and stopped the news as they arrived (compliance L7, L15). Each note is
in the phrase's own language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Не присылайте письма", "ru",
     "также «не присылайте мне письма»; «до 15 декабря» в автоответе — не отписка"),
    # «писем» shares no stem with «письма» long enough for the matcher (phrases.same_word).
    ("unsubscribe", "Не присылайте писем", "ru", "также «больше не присылайте мне писем»"),
    ("unsubscribe", "Перестаньте присылать письма", "ru", "также «перестаньте присылать мне письма»"),
    ("unsubscribe", "Прекратить присылать письма", "ru", "также «прошу прекратить присылать письма»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0028_mailin_letters"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
