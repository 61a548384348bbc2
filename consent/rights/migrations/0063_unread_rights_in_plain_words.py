"""Plain requests for a right the table knew in other words only (compliance L7, L10, L12, L13).

«…келісім бермеймін енді» opened "other", due in fifteen working days, where «Енді келісім
бермеймін» withdraws as it arrives (0047 knew «енді» before the verb only). «Выгрузите мне все
мои данные» and «Сделайте выгрузку моих данных» opened "other" where «Пришлите копию моих
данных» opens an access request, due in three. «Деректерімді дұрыстаңыз», the other common
Kazakh verb of correcting, opened "other" where «түзетіңіз» corrects, due in one. «Прошу удалить
мою анкету», the form that holds the person's data, opened "other" where «Удалите мой аккаунт»
opens a destruction, due in one; «Удалите мою фотографию с сайта», where «Уберите фотографию
с сайта» asks to remove a publication, due in one. Each note in the row's language (0021)."""

from django.db import migrations

from . import _phrases

PHRASES = [
    ("withdraw", "Келісім бермеймін енді", "kk", "сондай-ақ «…өңдеуге келісім бермеймін енді»"),
    ("access", "Выгрузить данные", "ru", "также «выгрузите мне все мои данные»"),
    ("access", "Выгрузка данных", "ru", "также «сделайте выгрузку моих данных»"),
    ("correct", "Деректерді дұрыстау", "kk", "сондай-ақ «деректерімді дұрыстаңыз»"),
    ("destroy", "Удалить анкету", "ru", "также «прошу удалить мою анкету и фотографию»"),
    ("destroy", "Анкетаны жою", "kk", "сондай-ақ «анкетамды жойыңыз»"),
    ("destroy", "Анкетаны өшіру", "kk", "сондай-ақ «менің анкетамды өшіріп тастаңыз»"),
    ("publication_removal", "Удалить фотографию с сайта", "ru",
     "также «удалите мою фотографию с сайта»"),
]  # fmt: skip


def seed(apps, schema_editor):
    _phrases.seed(apps, PHRASES)  # none an officer keeps already, in any spelling


def unseed(apps, schema_editor):
    _phrases.unseed(apps, PHRASES)


class Migration(migrations.Migration):
    dependencies = [
        ("rights", "0062_twins_of_known_requests"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
