"""Spam named as what is to stop (compliance L7, L15): «Прекратите слать мне ваш спам!!!»,
«Хватит спамить», «Спам жібермеңіздер» opened "other", fifteen working days for an officer,
while the same letter naming «рекламу» or «письма» stopped the news as it arrived. Each phrase
names the sending with the spam: «спам» alone is also the folder a letter lands in («ваше
письмо попало в спам»), which asks nothing. And Russian's «рассылка» in Kazakh grammar,
«Мені рассылкадан шығарыңызшы», «Рассылкадан бас тартамын», opened "other" too. Each note in
the row's language (0021)."""

from django.db import migrations

PHRASES = [
    ("unsubscribe", "Прекратите слать спам", "ru",
     "также «хватит слать мне спам»; «письмо попало в спам» — не отписка"),
    ("unsubscribe", "Не присылайте спам", "ru", "также «больше не присылайте мне спам»"),
    ("unsubscribe", "Прекратите присылать спам", "ru", "также «прекратите присылать мне спам»"),
    ("unsubscribe", "Перестаньте присылать спам", "ru", "также «перестаньте присылать мне спам»"),
    ("unsubscribe", "Хватит спамить", "ru", "«хватит спамить!»"),
    ("unsubscribe", "Перестаньте спамить", "ru", "также «перестаньте мне спамить»"),
    ("unsubscribe", "Спам жібермеу", "kk",
     "сондай-ақ «маған спам жібермеңіздер»; «хат спамға түсті» — бас тарту емес"),
    ("unsubscribe", "Спам жіберуді тоқтату", "kk", "«спам жіберуді тоқтатыңыз»"),
    # Russian's word in Kazakh grammar, as East Kazakhstan says it: «рассылкадан шығарыңыз».
    ("unsubscribe", "Рассылкадан шығару", "kk", "сондай-ақ «мені рассылкадан шығарыңызшы»"),
    ("unsubscribe", "Рассылкадан бас тарту", "kk", "сондай-ақ «рассылкадан бас тартамын»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0043_removed_from_the_base_phrases"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
