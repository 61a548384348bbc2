"""Requests the table knew in one language or one wording only (compliance L7, L10, L12, L13).

«Прошу предоставить информацию о моих персональных данных» is an access request, due in three
working days, while «Дербес деректерім туралы ақпарат беруіңізді сұраймын» opened "other", due
in fifteen (0017 knew «мәліметтер», not «ақпарат», the other common word for information:
0041); «Какие мои данные вы храните?» is an access request, while «Менің қандай деректерім
сақталады?» was not (0018 knew the past participle «сақталған» alone). «Исключите мои данные из
базы» and «Мені базадан өшіріңіз» ask to erase, while «Деректерімді базадан алып тастаңыз» and
«Мені базадан алып тастаңыз», the other common verb of removing, opened "other", due in fifteen
working days where the law gives one.

A temporary stop of processing is a block (Art. 1(3): «временное прекращение»; 0037 knew
«уақытша тоқтату» and «приостановить»): «Прошу временно прекратить обработку моих данных» and
«Деректерімді өңдеуді тоқтата тұрыңыз» («stop for a while») opened a withdrawal of every
consent, in force as the letter arrived and ending in the destruction of the data the writer
asked only to pause. Each note in the row's language (0021)."""

from django.db import migrations

from . import _phrases

PHRASES = [
    ("access", "Деректер туралы ақпарат беру", "kk",
     "сондай-ақ «дербес деректерім туралы ақпарат беруіңізді сұраймын»"),
    ("access", "Қандай деректер сақталады", "kk",
     "сондай-ақ «менің қандай дербес деректерім сақталады?»"),
    ("destroy", "Базадан алып тастау", "kk",
     "сондай-ақ «деректерімді базадан алып тастаңыз», «мені базадан алып тастаңыз»"),
    ("block", "Временно прекратить обработку", "ru",
     "также «прошу временно прекратить обработку моих данных»"),
    ("block", "Временное прекращение обработки", "ru",
     "также «прошу о временном прекращении обработки моих данных»"),
    ("block", "Өңдеуді тоқтата тұру", "kk", "уақытша тоқтату: «өңдеуді тоқтата тұрыңыз»"),
    ("block", "Деректерді өңдеуді тоқтата тұру", "kk",
     "сондай-ақ «деректерімді өңдеуді тоқтата тұруыңызды сұраймын»"),
]  # fmt: skip


def seed(apps, schema_editor):
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0061_direction_closed_in_a_breach"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
