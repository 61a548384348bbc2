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
])  # fmt: skip
def test_asking_whether_the_data_was_deleted_asks_what_is_held_and_deletes_nothing(person, body):
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
])  # fmt: skip
def test_a_complaint_a_request_or_someone_elses_data_opens_no_access(person, body):
    assert ingest(message("Вопрос", body=body)).type != Type.ACCESS
    assert untouched(person)


def test_a_question_under_a_request_keeps_the_request(person):
    body = "Вы удалили мои данные? Прошу удалить мои данные полностью."
    assert ingest(message("Данные", body=body)).type == Type.DESTROY
