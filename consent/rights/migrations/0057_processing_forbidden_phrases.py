"""Processing forbidden in words no phrase held (compliance L7, Art. 8): «Не обрабатывайте мои
персональные данные», «Запрещаю обработку моих персональных данных», «Дербес деректерімді
өңдемеңіз» opened "other", fifteen working days for an officer while the processing went on,
though each asks what «Прекратите обработку моих персональных данных» and «Деректерімді
өңдеуді тоқтатыңыз» ask (0003): a withdrawal, in force as it arrives. Each note in the row's
language (0021)."""

from django.db import migrations

from . import _phrases

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
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0056_spent_link_browser"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
