"""Processing forbidden in words no phrase held (compliance L7, Art. 8): «Не обрабатывайте мои
персональные данные», «Запрещаю обработку моих персональных данных», «Дербес деректерімді
өңдемеңіз» opened "other", fifteen working days for an officer while the processing went on,
though each asks what «Прекратите обработку моих персональных данных» and «Деректерімді
өңдеуді тоқтатыңыз» ask (0003): a withdrawal, in force as it arrives. Each note in the row's
language (0021)."""

from django.db import migrations

PHRASES = [
    ("withdraw", "Не обрабатывайте данные", "ru",
     "также «не обрабатывайте мои данные», «больше не обрабатывайте мои персональные данные»"),
    ("withdraw", "Запрещаю обработку персональных данных", "ru",
     "также «запрещаю обрабатывать мои персональные данные»"),
    ("withdraw", "Деректерді өңдемеу", "kk",
     "«дербес деректерімді өңдемеңіз», «менің деректерімді бұдан былай өңдемеңіздер»"),
    ("withdraw", "Деректерді өңдеуге тыйым салу", "kk",
     "«дербес деректерімді өңдеуге тыйым саламын»"),
]  # fmt: skip


def seed(apps, schema_editor):
    IntakePhrase = apps.get_model("rights", "IntakePhrase")
    for kind, phrase, language, note in PHRASES:
        IntakePhrase.objects.get_or_create(
            phrase=phrase, defaults={"type": kind, "language": language, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0056_spent_link_browser"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
