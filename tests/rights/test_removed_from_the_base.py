"""A person asking to be removed altogether («Удалите меня из базы», «Мені базадан өшіріңіз»,
«Удалите мой аккаунт») opened "other", because a phrase for it would also have turned «удалите из
базы мой номер» (one item's correction) into a destruction; and a short «Исправьте,
пожалуйста.» after «В фамилии ошибка.» opened "other", its object in the sentence before. Each
through the real intake path, with the greetings and signatures people write."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type
SIGNED_RU = "\n\nС уважением,\nАсель Касымова\n+7 701 123 45 67"
SIGNED_KK = "\n\nРахмет,\nӘсел Қасымова"


@pytest.mark.parametrize("body, language", [
    ("Удалите меня из базы", "ru"),
    ("Добрый день! Уберите меня, пожалуйста, из вашей базы. Спасибо!" + SIGNED_RU, "ru"),
    ("Здравствуйте! Прошу исключить меня из базы." + SIGNED_RU, "ru"),
    ("Удалите мой аккаунт, пожалуйста." + SIGNED_RU, "ru"),
    ("Мені базадан өшіріңіз", "kk"),
    ("Сәлеметсіз бе! Мені базаңыздан өшіріп жіберіңізші." + SIGNED_KK, "kk"),
    ("Сәлеметсіз бе! Менің аккаунтымды жойыңыз, өтінемін." + SIGNED_KK, "kk"),
])  # fmt: skip
def test_the_person_removed_from_the_base_is_a_destruction(person, body, language):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Type.DESTROY, language)
    assert untouched(person)  # it waits for the person's link


@pytest.mark.parametrize("body, language", [
    ("удалите из базы мой номер", "ru"),
    ("Добрый день! Удалите из базы мой старый номер, пожалуйста." + SIGNED_RU, "ru"),
    ("Здравствуйте! Уберите из вашей базы мою почту." + SIGNED_RU, "ru"),
    ("Базадан телефонымды өшіріңіз", "kk"),
    ("Сәлеметсіз бе! Базадан телефон нөмірімді өшіріп жіберіңізші." + SIGNED_KK, "kk"),
])  # fmt: skip
def test_an_item_removed_from_the_base_stays_its_correction(person, body, language):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Type.CORRECT, language)
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Не удаляйте меня из базы, пожалуйста.",
    "Мені базадан өшірмеңіз.",
])  # fmt: skip
def test_asked_not_to_be_removed_is_no_destruction(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type != Type.DESTROY
    assert untouched(person)


@pytest.mark.parametrize("body, language", [
    ("Тегім қате жазылған. Түзетіп беріңізші.", "kk"),
    ("Сәлеметсіз бе! Тегім қате жазылған. Түзетіп беріңізші." + SIGNED_KK, "kk"),
    ("Нөмірім дұрыс емес. Түзетіңіз.", "kk"),
    ("В фамилии ошибка. Исправьте, пожалуйста.", "ru"),
    ("Здравствуйте! В фамилии ошибка. Исправьте, пожалуйста." + SIGNED_RU, "ru"),
    ("Добрый день. Номер телефона указан неверно. Прошу исправить." + SIGNED_RU, "ru"),
])  # fmt: skip
def test_a_short_correction_after_the_item_told_wrong_corrects_it(person, body, language):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.language) == (Type.CORRECT, language)
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Ошибок в фамилии нет. Исправьте, пожалуйста.",
    "Тегімде қате жоқ. Түзетіңіз.",
    "Фамилия в порядке. Исправьте, пожалуйста.",
    "Категория курса указана. Исправьте, пожалуйста.",
])  # fmt: skip
def test_a_short_correction_with_nothing_told_wrong_names_no_item(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.OTHER
