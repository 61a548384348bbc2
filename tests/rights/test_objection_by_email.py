"""An objection to a decision made by automated means only (Art. 19-1: three working days) and
a request to be told to whom one's data went (Art. 19(1): ten) are rights the web form offers;
written in a letter, in Kazakh or Russian, they opened "other", due in fifteen working days,
past the law's day unless an officer noticed and re-typed it in time."""

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import message

Type = Ticket.Type


@pytest.mark.parametrize("body, kind, language", [
    ("Возражаю против автоматизированного решения по моей заявке.", Type.AUTOMATED_OBJECTION,
     "ru"),
    ("Я против автоматизированной обработки моих персональных данных.",
     Type.AUTOMATED_OBJECTION, "ru"),
    ("Автоматтандырылған шешімге қарсылық білдіремін.", Type.AUTOMATED_OBJECTION, "kk"),
    ("Дербес деректерімді автоматтандырылған өңдеуге қарсымын.", Type.AUTOMATED_OBJECTION, "kk"),
    ("Прошу сообщить, кому переданы мои персональные данные.", Type.TRANSFER_NOTICE, "ru"),
    ("Сообщите, кому передаются мои данные.", Type.TRANSFER_NOTICE, "ru"),
    ("Дербес деректерімнің кімге берілгенін хабарлауыңызды сұраймын.", Type.TRANSFER_NOTICE,
     "kk"),
])  # fmt: skip
def test_a_letter_objecting_or_asking_who_got_the_data_is_due_when_the_law_says(
    person, body, kind, language
):
    ticket = ingest(message("Сәлем" if language == "kk" else "Здравствуйте", body=body))
    assert (ticket.type, ticket.language, ticket.subject) == (kind, language, person)
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )


@pytest.mark.parametrize("body", [
    "Вы принимаете автоматизированные решения?",
    "Я не против автоматизированной обработки.",
    "Автоматтандырылған өңдеуге қарсы емеспін.",
])  # fmt: skip
def test_a_question_or_a_negation_of_them_is_still_for_an_officer(person, body):
    assert ingest(message("Вопрос", body=body)).type == Type.OTHER
