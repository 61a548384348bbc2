"""A letter asking to lift a block named the block itself: «Прошу снять блокировку с моих
персональных данных» and «деректерімді бұғаттан шығаруыңызды сұраймын» matched «Блокирование
данных» and «Деректерді бұғаттау» by their stems and opened a request to block (answered «your
data is blocked», the opposite of what was asked), and «Разблокируйте мои данные» opened "other",
due in fifteen working days where the law gives one (Art. 25(2)(8)). The self-service page already
takes a request to unblock; the intake knew no words for one. Each note in the row's language
(0021)."""

from django.db import migrations

PHRASES = [
    ("Снять блокировку", "ru", "также «снятие блокировки с моих персональных данных»"),
    ("Снимите блокировку", "ru", "также «снимите блокировку с моих данных»"),
    ("Разблокировать данные", "ru", "также «разблокируйте мои персональные данные»"),
    ("Разблокировка данных", "ru", "также «разблокирование моих персональных данных»"),
    ("Отмена блокировки", "ru", "также «отмените блокирование моих данных»"),
    ("Деректерді бұғаттан шығару", "kk",
     "сондай-ақ «дербес деректерімді бұғаттан шығаруыңызды сұраймын»"),
    ("Деректерден бұғаттауды алып тастау", "kk",
     "сондай-ақ «деректерімнен бұғаттауды алып тастаңыз»"),
    ("Бұғаттауды алып тастау", "kk", "сондай-ақ «бұғаттауды алып тастауыңызды сұраймын»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": "unblock", "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0033_surname_correction_phrase"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
