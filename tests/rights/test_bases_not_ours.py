"""A destruction from another company's base or list, named by its title (compliance L7,
titles.py, limits.BASES): «Удалите меня из базы «Вестника»» opened a destruction of the sender's
data, waiting for their link, though they asked a stranger to remove them. Read by the same rule
as another company's mailing, it opens "other" for an officer (Ticket.Limit.TITLED, asked
"destroy"), nothing done; our base, or a base named bare beside theirs, is
still a destruction."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

THEIRS = {
    "ru quoted": "Удалите меня из базы «Вестника»",
    "ru in straight quotes": 'Удалите меня из базы "Вестника"',
    "ru unquoted": "Удалите меня из базы Вестника",
    "ru my data": "Удалите мои данные из базы «Вестника»",
    "ru a cinema, please": "Удалите меня из базы Кинопоиска, пожалуйста",
    "ru a database": "Прошу удалить меня из базы данных «Вестника»",
    "ru take me off": "Уберите меня из базы «Вестника»",
    "kk quoted": "Мені «Вестник» базасынан өшіріңіз",
    "kk a bank in Latin": "Мені Kaspi базасынан жойыңыз",
    "kk a cinema first": "Кинопоиск базасынан мені өшіріңіз",
    "en a streaming service": "Delete me from the Netflix database",
    # A service named with no base: what is deleted (the data, an account) between the verb and
    # its title, the preposition first, the Kazakh ablative, in any order.
    "ru my data from a service": "Удалите мои данные из Кинопоиска",
    "ru my personal data": "Удалите мои персональные данные из Кинопоиска",
    "ru asked by the infinitive": "Прошу удалить мои данные из Кинопоиска",
    "ru the service first": "Из Кинопоиска удалите мои данные",
    "ru the data first": "Мои данные из Кинопоиска удалите",
    "ru my account in it": "Удалите мой аккаунт в Кинопоиске",
    "ru a bank in Latin": "Удалите мои данные из Kaspi",
    "ru a service in straight quotes": 'Удалите мои данные из "Кинопоиска"',
    "ru a typo in the title": "Удалите мои данные из Кинопоска",
    "kk the ablative first": "Кинопоисктен деректерімді өшіріңіз",
    "kk the ablative after the data": "Деректерімді Кинопоисктен өшіріңіз",
    "kk a Latin title hyphened": "Kaspi-ден деректерімді жойыңыз",
    "kk a quoted title's ending": "«Кинопоиск»-тен деректерімді өшіріңіз",
    # A company's kind hyphened on its title, no document: «Kaspi-магазин» is Kaspi's shop.
    "ru a shop hyphened on a title": "Удалите мои данные из Kaspi-магазина",
}


@pytest.mark.parametrize("body", THEIRS.values(), ids=THEIRS)
def test_another_companys_base_destroys_nothing(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert ticket.limits.get("asked") == Type.DESTROY and untouched(person)


OURS = {
    "ru the base": "Удалите меня из базы",
    "ru your base": "Удалите меня из вашей базы",
    "ru a database": "Удалите меня из базы данных",
    "ru our name": "Удалите меня из базы ЕМ АЛУ плюс",
    "ru our name quoted": "Удалите меня из базы «ЕМ АЛУ плюс»",
    "ru ours beside theirs": "Удалите мои данные из вашей базы и из базы «Вестника»",
    "ru a title told of after": "Удалите меня из базы, пожалуйста. Вестник тут ни при чём",
    "kk your base": "Мені базаңыздан жойыңыз",
    "kk the data from the base": "Деректерімді базадан өшіріңіз",
    "kk your base after the data": "Деректерімді базаңыздан өшіріңіз",
    "kk from the system, first": "Жүйеден деректерімді өшіріңіз",
    "kk from the site, first": "Сайттан деректерімді өшіріңіз",
    "kk from you, first": "Сіздерден деректерімді өшіріңіз",
    "ru our name run together": "Удалите мои данные из Emaluplus",
    # Where our data came from, in a clause of its own, is not whose base they are in.
    "ru data got from a service": "Удалите мои данные, полученные из Кинопоиска",
    "ru the data alone": "Удалите мои данные",
    # Where the data are, after «в», «во», or a table a program makes, is no company's title.
    "ru in a country": "Удалите мои данные в Казахстане",
    "ru in a country, first": "В Казахстане удалите мои данные",
    "ru in a hyphened city": "Удалите мои данные в Усть-Каменогорске",
    "ru from a spreadsheet": "Удалите мои данные из Excel-таблицы",
    "ru from a spreadsheet, first": "Из Excel-таблицы удалите мои данные",
    "ru in a spreadsheet": "Удалите мои данные в Google-таблице",
    "ru from a form": "Удалите мои данные из Google-формы",
    "ru in every system": "Удалите мои данные во всех системах",
    "ru in your base": "Удалите мои данные в вашей базе",
    "ru in the CRM": "Удалите мои данные в CRM",
    "ru in 1C": "Удалите мои данные в 1С",
}


@pytest.mark.parametrize("body", OURS.values(), ids=OURS)
def test_our_base_is_still_a_destruction(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits) == (Type.DESTROY, {})


@pytest.mark.parametrize("lang, said", [("kk", "басқа компанияның дерекқорынан"),
                                        ("ru", "базы другой компании")])  # fmt: skip
def test_the_desk_says_the_base_is_another_companys(person, desk, lang, said):
    ticket = ingest(message("Сұрақ", body="Удалите меня из базы «Вестника»"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html
