"""Russian's words for the data and the consent in Kazakh grammar, as East Kazakhstan writes
them (compliance L7, migration `rights.0058`): each opened "other", fifteen working days for an
officer while the processing went on."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


@pytest.mark.parametrize("body", [
    "Сәлеметсіз бе. Согласиемді кері қайтарамын.",
    "Персональные данныйларымды өңдемеңіздер!",
    "Согласиеден бас тартамын",
])  # fmt: skip
def test_a_withdrawal_in_mixed_words_stops_the_processing_as_it_arrives(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (Ticket.Type.WITHDRAW, "kk")
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body, expected", [
    ("Менің данныйларымды жойыңыз", ("destroy", "kk")),
    ("Данныйларымды өшіріңізші", ("destroy", "kk")),
    ("Менің данныеларымды жойыңыз", ("destroy", "kk")),
    ("Данныйларымды түзетіңіз, фамилиям Қасымова", ("correct", "kk")),
    # negated or asked, nothing
    ("Данныйларымды жоймаңыз", ("other", "kk")),
    ("Менің данныйларым туралы сұрақ бар: курс қашан басталады?", ("other", "kk")),
])  # fmt: skip
def test_russian_nouns_in_kazakh_grammar_name_the_request(db, body, expected):
    assert classify("", body) == expected
