"""«Пришлите мои данные», «Менің деректерімді жіберіңіз»: the writer's own data asked to be
sent to them is an access request, due in three working days, as «Пришлите копию моих данных»
is (compliance L7, L10; consent/rights/own_questions.py::SENT). It opened "other", due in
fifteen."""

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts
Type = Ticket.Type


@pytest.mark.parametrize("body, language", [
    ("Здравствуйте! Пришлите мои данные, пожалуйста.", "ru"),
    ("Вышлите мне мои персональные данные", "ru"),
    ("Отправьте мне мои данные.", "ru"),
    ("Сәлеметсіз бе. Менің деректерімді жіберіңіз.", "kk"),
    ("Деректерімді маған жіберіңізші", "kk"),
])  # fmt: skip
def test_ones_own_data_asked_to_be_sent_is_an_access_request(person, body, language):
    ticket = ingest(message("Сәлем" if language == "kk" else "Вопрос", body=body))
    assert (ticket.type, ticket.language, ticket.subject) == (Type.ACCESS, language, person)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.ACCESS))


@pytest.mark.parametrize("body, expected", [
    # not the writer's data, or not asked of us
    ("Пришлите данные для оплаты", ("other", "ru")),
    ("Отправьте данные курса, пожалуйста", ("other", "ru")),
    ("Курс туралы деректерді жіберіңіз", ("other", "kk")),
    ("Я отправила вам свои данные, проверьте", ("other", "ru")),
    ("Деректерімді жібердім, тексеріңіз", ("other", "kk")),
    ("Мои данные никому не отправляйте", ("other", "ru")),
    ("Деректерімді ешкімге жібермеңіз", ("other", "kk")),
])  # fmt: skip
def test_data_sent_otherwise_asks_no_access(db, body, expected):
    assert classify("", body) == expected
