"""Two families of phrases no row named (compliance L7, L15).

Asking for mail to stop by the verb of writing, not of sending: «Перестаньте писать мне»,
«Больше не пишите мне», «Маған хат жазбаңыз», «Please stop writing to me» each opened "other",
fifteen working days for an officer, while «Не присылайте мне письма» (0029) and «Stop emailing
me» (0031) stop the news as they arrive. The «не» is the phrase's own (0029); «пишите» matches
neither «пишете» (you write) nor «писать» (0029's note on stems), so «Почему вы мне не пишете?»
and «Я не могу писать вам с рабочей почты» name nothing. «Не пишите мне на старую почту, пишите
на новую» is read by limits.py as where to write: a correction.

Corrections in English: «Please correct my surname», «My phone number has changed to …»,
«Update my address» opened "other", though the Russian and Kazakh ones are phrases (0003, 0033).
Marked Kazakh as 0030's rows, for the same reason; each note in the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Не пишите мне", "ru", "также «больше не пишите мне», «не пишите мне больше»"),
    ("unsubscribe", "Перестаньте писать", "ru", "также «перестаньте мне писать»"),
    ("unsubscribe", "Прекратите писать", "ru", "также «прекратите мне писать»"),
    ("unsubscribe", "Не отправляйте письма", "ru", "также «не отправляйте мне письма»"),
    ("unsubscribe", "Не шлите письма", "ru", "также «не шлите мне письма»"),
    ("unsubscribe", "Перестаньте отправлять письма", "ru",
     "также «перестаньте отправлять мне письма»"),
    ("unsubscribe", "Хат жазбау", "kk", "«маған хат жазбаңыз»"),
    ("unsubscribe", "Маған жазбаңыз", "kk", "«маған енді жазбаңыз»"),
    ("unsubscribe", "Жазуды тоқтатыңыз", "kk", "«маған хат жазуды тоқтатыңыз»"),
    ("unsubscribe", "Хат жіберуді тоқтатыңыз", "kk", "«маған хат жіберуді тоқтатыңыз»"),
    ("unsubscribe", "Stop writing", "kk", "ағылшынша: «please stop writing to me»"),
    ("unsubscribe", "Do not write", "kk", "ағылшынша: «please do not write to me again»"),
    ("unsubscribe", "Don't write", "kk", "ағылшынша: «don't write to me anymore»"),
    ("unsubscribe", "Stop sending messages", "kk", "ағылшынша: «stop sending me messages»"),
    ("unsubscribe", "Stop mailing", "kk", "ағылшынша: «stop mailing me»"),
    ("unsubscribe", "Stop contacting", "kk", "ағылшынша: «stop contacting me»"),
    ("correct", "Correct surname", "kk", "ағылшынша: «please correct my surname»"),
    ("correct", "Correct name", "kk", "ағылшынша: «please correct my name»"),
    ("correct", "Correct data", "kk", "ағылшынша: «please correct my data»"),
    ("correct", "Correct address", "kk", "ағылшынша: «please correct my address»"),
    ("correct", "Correct phone number", "kk", "ағылшынша: «please correct my phone number»"),
    ("correct", "Update address", "kk", "ағылшынша: «update my address»"),
    ("correct", "Update data", "kk", "ағылшынша: «please update my personal data»"),
    ("correct", "Update phone number", "kk", "ағылшынша: «update my phone number»"),
    ("correct", "Update email", "kk", "ағылшынша: «please update my email address»"),
    ("correct", "Change address", "kk", "ағылшынша: «please change my address»"),
    ("correct", "Change surname", "kk", "ағылшынша: «please change my surname to …»"),
    ("correct", "Change phone number", "kk", "ағылшынша: «change my phone number»"),
    ("correct", "Change email", "kk", "ағылшынша: «change my email address»"),
    ("correct", "Phone number changed", "kk", "ағылшынша: «my phone number has changed to …»"),
    ("correct", "Address changed", "kk", "ағылшынша: «my address has changed»"),
    ("correct", "Surname changed", "kk", "ағылшынша: «my surname has changed»"),
    ("correct", "Email changed", "kk", "ағылшынша: «my email address has changed»"),
    ("correct", "Name changed", "kk", "ағылшынша: «my name has changed»"),
    ("correct", "New phone number", "kk", "ағылшынша: «my new phone number is …»"),
    ("correct", "New address", "kk", "ағылшынша: «my new address is …»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0037_block_and_supplement_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
