"""Our letter passed on to someone is not someone else's letter passed on to us (compliance L7,
forwarded.py): «Коллеге переслала ваше письмо. Отпишите меня от рассылки», «I forwarded your
email to my colleague. Please unsubscribe me» were read as forwarding a colleague's letter: "other"
about someone else, the writer's own news going on. Whom it went to (a Russian dative, after
«to») is not whose it is; the writer's stop is theirs."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

PASSED_TO = {
    "ru to a colleague": "Коллеге переслала ваше письмо. Отпишите меня от рассылки",
    "ru to a customer": "Переслала ваше письмо клиенту, а меня отпишите от рассылки",
    "en to my colleague": "I forwarded your email to my colleague. Please unsubscribe me",
}


@pytest.mark.parametrize("body", PASSED_TO.values(), ids=PASSED_TO)
def test_a_letter_passed_on_to_someone_leaves_the_writers_stop_theirs(person, body):
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.UNSUBSCRIBE, False)
    assert not untouched(person)


PASSED_ON = {
    "ru a customer's": "Пересылаю письмо клиента. Отзываю согласие на обработку данных",
    "ru a colleague's": "Пересылаю письмо коллеги, она просит удалить её данные",
    "en a customer's": "Forwarding a customer's email: please delete my data",
}


@pytest.mark.parametrize("body", PASSED_ON.values(), ids=PASSED_ON)
def test_someone_elses_letter_passed_on_is_still_theirs(person, body):
    ticket = ingest(message("Сұрақ", body=body))  # a guard
    assert (ticket.type, ticket.limits.get("forwarded")) == (Type.OTHER, True)
    assert untouched(person)
