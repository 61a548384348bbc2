"""Processing forbidden in a letter is a withdrawal, in force as it arrives (compliance L7,
Art. 8): «Не обрабатывайте мои персональные данные», «Дербес деректерімді өңдемеңіз» opened
"other", fifteen working days for an officer while the processing went on (migration
`rights.0057`), as «Прекратите обработку…» did not."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest, recognise
from consent.rights.models import Ticket

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


@pytest.mark.parametrize("body, language", [
    ("Здравствуйте. Не обрабатывайте мои персональные данные.", "ru"),
    ("Больше не обрабатывайте мои данные!", "ru"),
    ("Запрещаю обработку моих персональных данных.", "ru"),
    ("Сәлеметсіз бе! Дербес деректерімді өңдемеңіз.", "kk"),
    ("Менің деректерімді бұдан былай өңдемеңіздер", "kk"),
    ("Дербес деректерімді өңдеуге тыйым саламын.", "kk"),
])  # fmt: skip
def test_processing_forbidden_stops_it_as_the_letter_arrives(person, body, language):
    ticket = ingest(message("Сәлем" if language == "kk" else "Здравствуйте", body=body))
    assert (ticket.type, ticket.language) == (Ticket.Type.WITHDRAW, language)
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body, expected", [
    ("Почему вы обрабатываете мои данные?", ("other", "ru")),
    ("Я не просила прекратить обработку моих данных.", ("other", "ru")),
    ("Деректерімді неге өңдейсіздер?", ("other", "kk")),
    ("Деректерімді өңдеуге қарсы емеспін, тек хабарлама жібермеңіз.", ("unsubscribe", "kk")),
])  # fmt: skip
def test_a_question_or_a_denial_of_processing_forbids_nothing(db, body, expected):
    assert classify("", body) == expected


def test_processing_forbidden_for_the_news_withdraws_that_consent_alone(db):
    read = recognise("", "Не обрабатывайте мои данные для рассылки.")
    assert (read.kind, read.purpose, read.language) == ("withdraw", MARKETING, "ru")
