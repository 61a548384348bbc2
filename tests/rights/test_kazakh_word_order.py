"""Kazakh puts the verb last, and what tells when or how between it and its object (compliance
L7): «Таратылымды 1 ақпанға дейін тоқтатыңыз», «Хабарламалардан жыл соңына дейін бас
тартамын» opened "other", fifteen working days of news, where their Russian twins («Прекратите
рассылку до 1 февраля») stopped the news as they arrived. The phrase matcher allowed two words
between a phrase's words; after a Kazakh object it now reaches to the end of its clause
(consent/rights/word_order.py). A negation, a question or another object named instead still
asks nothing."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status

ASKED = {
    "kk, until a date": ("Таратылымды 1 ақпанға дейін тоқтатыңыз", Type.UNSUBSCRIBE, "kk"),
    "kk, until the year's end": ("Хабарламалардан жыл соңына дейін бас тартамын",
                                 Type.UNSUBSCRIBE, "kk"),
    "ru twin": ("Прекратите рассылку до 1 февраля", Type.UNSUBSCRIBE, "ru"),
    "kk, from today": ("Хабарламалардан бүгіннен бастап біржола бас тартамын",
                       Type.UNSUBSCRIBE, "kk"),
    "kk, destroy from the base": ("Деректерімді сіздердің базаңыздан толығымен жойыңыз",
                                  Type.DESTROY, "kk"),
    "kk, withdraw from today": ("Келісімімді осы күннен бастап кері қайтарып аламын",
                                Type.WITHDRAW, "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body, kind, language", ASKED.values(), ids=ASKED)
def test_words_between_a_kazakh_object_and_its_verb_still_ask(person, body, kind, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (kind, language)
    if kind == Type.UNSUBSCRIBE:  # done as it arrives, as its Russian twin
        assert ticket.status == Status.DONE and not gate.may_process(person, MARKETING)
        assert gate.may_process(person, SERVICE)


NOT_ASKED = {
    "negated": "Хабарламалардан жыл соңына дейін бас тартпаймын",
    "never": "Келісімімді ешқашан кері қайтарып алмаймын",
    "a question of when": "Деректерімді сіздер қашан жоясыздар",
    "why": "Хабарламалардан неге бас тарта алмаймын",
    "not the news, the course": "Таратылымды емес курсты тоқтатыңыз",
    "another clause": "Таратылымды ұнатамын, бірақ курсты тоқтатыңыз",
    # the past reports, it does not ask (our own mail pasted back: «…өңдеуді тоқтаттық»)
    "we stopped": "Біз дербес деректеріңізді мына мақсаттар үшін өңдеуді тоқтаттық",
    "I refused last year": "Хабарламалардан өткен жылы бас тарттым",
}


@pytest.mark.parametrize("body", NOT_ASKED.values(), ids=NOT_ASKED)
def test_a_kazakh_negation_or_question_between_asks_nothing(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.OTHER and untouched(person)


def test_a_kazakh_question_with_a_date_between_waits_for_the_link(person):
    ticket = ingest(message("", body="Таратылымды 1 ақпанға дейін тоқтатуға бола ма?"))
    assert ticket.type == Type.UNSUBSCRIBE and ticket.status == Status.UNVERIFIED
    assert untouched(person)
