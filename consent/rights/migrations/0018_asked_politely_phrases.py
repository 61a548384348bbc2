"""The ways people ask by email what is held about them, as a question: such a letter opened
"other", due in fifteen working days, where an access answer is due in three (compliance L10).
A phrase that is itself a question («какие данные хранятся») names a request only about the
writer's own data (consent/rights/phrases.py). Each note is in the phrase's own language."""

from django.db import migrations

PHRASES = [
    ("access", "Какие данные хранятся", "ru",
     "вопрос о своих данных: «какие мои данные у вас хранятся?»"),
    ("access", "Какие данные есть", "ru",
     "вопрос о своих данных: «какие данные обо мне у вас есть?»"),
    ("access", "Какие сведения есть", "ru",
     "вопрос о своих данных: «подскажите, какие сведения обо мне у вас есть»"),
    ("access", "Какие сведения хранятся", "ru",
     "вопрос о своих данных: «какие сведения обо мне хранятся?»"),
    ("access", "Какие данные обрабатываете", "ru",
     "вопрос о своих данных: «какие мои персональные данные вы обрабатываете?»"),
    ("access", "Какая информация хранится", "ru",
     "вопрос о своих данных: «какая информация обо мне у вас хранится?»"),
    ("access", "Какая информация есть", "ru",
     "вопрос о своих данных: «какая информация обо мне у вас есть?»"),
    ("access", "Қандай мәліметтер бар", "kk",
     "өз деректері туралы сұрақ: «сіздерде мен туралы қандай мәліметтер бар?»"),
    ("access", "Қандай деректер бар", "kk",
     "өз деректері туралы сұрақ: «менің қандай деректерім бар?»"),
    ("access", "Қандай деректер сақталған", "kk",
     "өз деректері туралы сұрақ: «менің қандай деректерім сақталған?»"),
    ("access", "Қандай мәліметтер сақталған", "kk",
     "өз деректері туралы сұрақ: «мен туралы қандай мәліметтер сақталған?»"),
    ("access", "Қандай деректер өңделеді", "kk",
     "өз деректері туралы сұрақ: «менің қандай деректерім өңделеді?»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0017_access_and_block_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
