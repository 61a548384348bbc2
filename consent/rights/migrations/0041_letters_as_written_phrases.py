"""Phrases a tester's letters used that named no request (compliance L7, L15).

«Хватит слать мне спам!!!», «Рассылку отключите» and «Таратылымды өшіріңіз» opened "other",
though each stops the news as plainly as «Перестаньте присылать письма» (0036). «Прошу исключить
мои данные из базы», «Не храните мои данные», «Деректерімді сақтамаңыздар» opened "other",
though each asks to erase them (a request, confirmed by its link before anything is destroyed).
«Мен туралы сіздерде қандай ақпарат бар?» opened "other" while «… қандай мәліметтер бар?» (0018)
is an access request: «ақпарат» is the other common word for information. Each note in the
row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Хватит присылать", "ru", "также «хватит присылать мне письма»"),
    ("unsubscribe", "Хватит слать", "ru", "также «хватит слать мне спам»"),
    ("unsubscribe", "Перестаньте слать", "ru", "также «перестаньте слать мне письма»"),
    ("unsubscribe", "Отключить рассылку", "ru", "также «рассылку отключите»"),
    ("unsubscribe", "Таратылымды өшіру", "kk", "«таратылымды өшіріңіз»"),
    ("destroy", "Исключить данные из базы", "ru", "также «исключите мои данные из базы»"),
    ("destroy", "Не храните данные", "ru", "также «не храните мои данные»"),
    ("destroy", "Деректерді сақтамау", "kk", "«деректерімді сақтамаңыздар»; «сақтаңыз» — жою емес"),
    ("access", "Қандай ақпарат бар", "kk",
     "өз деректері туралы сұрақ: «мен туралы сіздерде қандай ақпарат бар?»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0040_negated_wish_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
