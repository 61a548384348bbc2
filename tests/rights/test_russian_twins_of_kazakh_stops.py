"""The Russian twins of stops the table held in Kazakh only unsubscribe as their Kazakh ones do
(compliance L7, L15; migration `rights.0059`): each opened "other", fifteen working days for an
officer while the news went on."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


@pytest.mark.parametrize("body", [
    "Мне неинтересно, уберите меня из списка.",
    "Удалите меня из списка, пожалуйста",
    "Исключите меня из вашего списка!",
    "Прошу убрать меня из списка.",
    "Хватит мне писать!!!",
    "Мені тізімнен алып тастаңыз.",  # the Kazakh twin, as before
])  # fmt: skip
def test_a_stop_from_the_list_stops_the_news_as_it_arrives(person, body):
    ticket = ingest(message("Re: Новости курсов", body=body))
    assert (ticket.type, ticket.status) == ("unsubscribe", "done")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body, expected", [
    ("Почему меня удалили из списка группы?", ("other", "ru")),
    ("Не удаляйте меня из списка, я ещё буду учиться.", ("other", "ru")),
    ("Хватит писать письма от руки, давайте по почте.", ("other", "ru")),
])  # fmt: skip
def test_a_list_asked_about_or_kept_stops_nothing(db, body, expected):
    assert classify("", body) == expected
