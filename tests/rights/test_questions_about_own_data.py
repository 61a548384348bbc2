"""A question about what is done with the writer's own data (compliance L7, L10; Law 94-V Art.
24(1)(1)) opened "other", due in fifteen working days, though the access answer says what is held,
why and to whom it goes, due in three; a question whether the data was deleted opened "other"
too, and must never open a destruction again. Each is an access request now, acting on nothing
as it arrives; a question of why or when, or about someone else's data, stays for an officer."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Кому вы передаёте мои данные?",
    "Кому переданы мои данные?",
    "Вы передаёте мои данные третьим лицам?",
    "Передаёте ли вы мои данные третьим лицам?",
    "Какие мои данные у вас есть?",
    "Есть ли у вас мои данные?",
    "Где хранятся мои данные?",
    "Откуда у вас мои данные?",
    "Кто имеет доступ к моим данным?",
    "Менің қандай деректерім сізде бар?",
    "Деректерімді кімге бересіздер?",
    "Деректерімді үшінші тұлғаларға бересіз бе?",
    "Деректерім сізде бар ма?",
    "Komu vy peredaete moi dannye?",
    "Who do you share my data with?",
    "What data do you have about me?",
])  # fmt: skip
def test_a_question_about_ones_own_data_is_an_access_request(person, body):
    ticket = ingest(message("Вопрос", body=body))
    assert ticket.type == Type.ACCESS and ticket.subject == person
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Вы удалили мои данные?",
    "Мои данные удалены?",
    "Удалены ли мои данные?",
    "Деректерім жойылды ма?",
    "Деректерімді жойдыңыз ба?",
    "Добрый день! Я писала вам месяц назад. Вы удалили мои данные?",
    "Вы заблокировали мои данные?",
    "Деректерім бұғатталды ма?",
    "Did you delete my data?",
])  # fmt: skip
def test_asking_whether_the_data_was_deleted_or_blocked_asks_what_is_held_and_does_nothing(
    person, body
):
    ticket = ingest(message("Вопрос", body=body))
    assert ticket.type == Type.ACCESS
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Почему вы не удалили мои данные?",
    "Когда вы удалите мои данные?",
    "Кому вы передаёте данные моей дочери?",
    "Что будет с моими данными, если я отпишусь?",
    "Удалите мои данные?",
    "Вы удалили мои данные, спасибо.",
    "Не передавайте мои данные третьим лицам",
    "Why did you delete my data?",
])  # fmt: skip
def test_a_complaint_a_request_or_someone_elses_data_opens_no_access(person, body):
    assert ingest(message("Вопрос", body=body)).type != Type.ACCESS
    assert untouched(person)


def test_a_question_under_a_request_keeps_the_request(person):
    body = "Вы удалили мои данные? Прошу удалить мои данные полностью."
    assert ingest(message("Данные", body=body)).type == Type.DESTROY


@pytest.mark.parametrize("body", [
    "Вы удалили мой номер телефона?",
    "Нөмірімді өшірдіңіз бе?",
    "Фамилию исправили?",
])  # fmt: skip
def test_asking_whether_an_item_was_changed_or_removed_does_not_ask_it_again(person, body):
    assert ingest(message("Вопрос", body=body)).type == Type.OTHER
    assert untouched(person)


def test_a_change_told_still_asks_for_its_correction(person):
    body = "У меня изменился номер телефона, новый +7 701 765 43 21"
    assert ingest(message("Данные", body=body)).type == Type.CORRECT


@pytest.mark.parametrize("body", [
    "Не передавайте мои данные третьим лицам. Кому вы уже передали мои данные?",
    "Кому вы передаёте мои данные? Прошу больше не передавать мои данные третьим лицам.",
    "Деректерімді үшінші тұлғаларға бермеңіз. Деректерімді кімге бересіздер?",
])  # fmt: skip
def test_a_question_beside_an_objection_to_transfers_keeps_the_objection(person, body):
    # The question is no reason to lose what the letter objects to: the officer reads both.
    ticket = ingest(message("Вопрос", body=body))
    assert ticket.type == Type.OTHER and ticket.limits.get("transfers")
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Менің телефон нөмірімді өшіріңіз. Деректерім сізде бар ма?",
    "Удалите мой номер телефона. Кому вы передаёте мои данные?",
])  # fmt: skip
def test_a_question_beside_an_item_to_remove_keeps_the_removal(person, body):
    # The removal is opened, as before the question rule: the officer reads the question in it.
    assert ingest(message("Вопрос", body=body)).type == Type.CORRECT
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Где хранятся мои данные? Не передавайте их за границу.",
    "Деректерім қайда сақталады? Оларды шетелге жібермеңіз.",
    "Кому вы передаёте мои данные? Пришлите копию договора.",
])  # fmt: skip
def test_a_question_beside_anything_else_asked_is_for_an_officer(person, body):
    assert ingest(message("Вопрос", body=body)).type == Type.OTHER
    assert untouched(person)
