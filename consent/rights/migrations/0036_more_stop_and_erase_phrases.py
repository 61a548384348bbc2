"""The policy promises that anyone can stop the news by writing to us, at any time (section 4);
plain Kazakh ways of asking it opened "other", fifteen working days for an officer while the
news went on: «Мені тізімнен алып тастаңыз», «Мені таратылымнан алып тастаңыз», «Хабарламалар
жіберуді тоқтатыңыз»; «Менің поштамды таратылымнан алып тастаңыз» opened a correction (one item
to remove). So did «Прошу прекратить отправку рекламных писем». And «Сотрите все мои данные»
named no destruction (Art. 24(1)(4), one working day). Each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Тізімнен алып тастау", "kk", "сондай-ақ «мені тізімнен алып тастаңыз»"),
    ("unsubscribe", "Таратылымнан алып тастау", "kk",
     "сондай-ақ «мені таратылымнан алып тастаңыз»"),
    ("unsubscribe", "Рассылкадан алып тастау", "kk", "орыс сөзімен жазылған нұсқа"),
    ("unsubscribe", "Хабарламалар жіберуді тоқтату", "kk",
     "сондай-ақ «хабарламалар жіберуді тоқтатыңыз»"),
    ("unsubscribe", "Прекратить отправку писем", "ru",
     "также «прошу прекратить отправку рекламных писем»"),
    ("destroy", "Стереть данные", "ru", "также «прошу стереть мои персональные данные»"),
    ("destroy", "Сотрите данные", "ru", "также «сотрите все мои данные»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0035_publication_removal_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
