"""A letter asking to change or remove one item of the writer's data («Исправьте мой номер»,
«Нөмірімді өшіріңіз») opened "other": now it opens a correction, which the desk carries out by
changing the item or removing it as minimisation does; the new value, when the letter gives it,
is in the letter the request keeps, on the officer's page."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

# (what the person wrote, the language it opens in): Russian, Kazakh, mixed, with slips, Kazakh
# typed without its letters and in Latin letters.
ASKED = [
    ("Исправьте мой номер", "ru"),
    ("Удалите мой номер телефона", "ru"),
    ("Поменяйте фамилию на Петрова", "ru"),
    ("Нөмірімді өшіріңіз", "kk"),
    ("Телефон нөмірімді түзетіңіз", "kk"),
    ("Адресімді өзгертіңіз", "kk"),
    ("Исправьте, пожалуйста, мою фамилию", "ru"),
    ("удалите мою почту из базы", "ru"),
    ("Смените мой адрес на г. Алматы, ул. Абая 1", "ru"),
    ("Измените номер телефона на +77017654321", "ru"),
    ("Уберите мой телефон", "ru"),
    ("исправте мой номер", "ru"),
    ("удалите мой номер тел", "ru"),
    ("Поменяйте мне email на new@example.kz", "ru"),
    ("Мекенжайымды өзгертіңізші", "kk"),
    ("Телефонымды жойыңыз", "kk"),
    ("Тегімді түзетіңіз", "kk"),
    ("Аты-жөнімді өзгертіңіз", "kk"),
    ("Nomirimdi oshiriniz", "kk"),
    ("Telefon nomirimdi ozgertiniz", "kk"),
    ("Ispravte moi nomer", "ru"),
    ("Сәлеметсіз бе, нөмірімді өзгертіңіз пожалуйста", "kk"),
    ("Менің поштамды жойыңыз", "kk"),
    ("Электрондық поштамды өзгертіңіз", "kk"),
    ("Туған күнімді түзетіңіз", "kk"),
    ("Дату рождения исправьте", "ru"),
    ("Неправильно указана фамилия, исправьте", "ru"),
    ("Номер поменялся, новый +77001112233", "ru"),
    ("Фамилиямды өзгертіңіз", "kk"),
    ("Имя с ошибкой написано, исправьте пожалуйста", "ru"),
    ("Здравствуйте! Мой номер телефона поменялся, обновите, пожалуйста: 8 701 765 43 21", "ru"),
    ("Нөмірім ауысты, жаңасы +77017654321. Жаңартып қойыңыз", "kk"),
]  # fmt: skip


@pytest.mark.parametrize("written,lang", ASKED, ids=[w for w, _l in ASKED])
def test_one_item_to_change_or_remove_opens_a_correction(person, written, lang):
    ticket = ingest(message("", body=written))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.language) == ("correct", lang)
    assert written in ticket.message  # the new value, when given, with it


NOT_ASKED = [
    "Не меняйте мой номер, он верный",
    "Нөмірімді өзгертпеңіз",
    "Исправьте номер заказа 4521, пожалуйста",
    "Почти всё исправили, спасибо. Когда курс?",
    "Какой у вас номер телефона?",
]


@pytest.mark.parametrize("written", NOT_ASKED)
def test_an_item_named_without_asking_for_it_opens_no_correction(person, written):
    ticket = ingest(message("", body=written))
    assert isinstance(ticket, Ticket) and ticket.type == "other"


def test_an_item_of_someone_elses_is_for_the_officer(person):
    ticket = ingest(message("", body="Удалите номер телефона моей дочери"))
    assert (ticket.type, ticket.about_someone_else) == ("other", True)


@pytest.mark.parametrize(
    "lang,said", [("kk", "аты-жөні: өзгерту; телефон: өшіру"), ("ru", "изменить; телефон: удалить")]
)
def test_the_officer_reads_what_is_asked_of_each_item(person, officer_client, lang, said):
    ticket = ingest(message("", body="Поменяйте фамилию на Петрова. Удалите мой телефон."))
    assert ticket.type == "correct"
    officer_client.cookies["django_language"] = lang
    page = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Петрова" in page and said in page  # the new value, in the letter kept
