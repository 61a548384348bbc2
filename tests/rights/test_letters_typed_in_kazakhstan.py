"""Requests written the way people in Kazakhstan type them (compliance L7): Kazakh in Latin
letters with the Kazakh keyboard's «і», «ñ» in them, or the layout switched in the middle of a
word («jaзылымнан»); Russian transliterated the German or ISO way («otzyvaju», «menja»); Kazakh
typed with the Russian letters for its own. A word of two alphabets was read as neither and the
letter opened "other"; «otzyvaju» read as «отзыважу». Each is read once as the Cyrillic it
stands for (spelling.words, translit.py) and opens the request it asks."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type


@pytest.mark.parametrize("body, kind", [
    # Latin with the Kazakh keyboard's Cyrillic «і» (and the 2021 alphabet's «ñ», «ö», «ş»)
    ("Menіñ derekterіmdі öşіrіñіz", Type.DESTROY),
    ("Salemetsiz be! Menіñ derekterіmdі öşіrіp jіberіñіzşі. Rahmet!", Type.DESTROY),
    ("Meniń derekterimdi joıyńyz", Type.DESTROY),
    ("derekterimdi oshiriniz", Type.DESTROY),
    # Russian transliterated, й and я as j
    ("udalite moi dannye", Type.DESTROY),
    ("zablokirujte moi dannye, pozhalujsta", Type.BLOCK),
    # Kazakh with Russian letters for its own
    ("деректеримди жойыныз", Type.DESTROY),
    ("Менин кандай деректерим сизде бар?", Type.ACCESS),
    # one long line, the data removed whole with its items listed
    ("Здравствуйте, я давно пользуюсь вашими курсами, но переезжаю и поэтому прошу вас удалить "
     "все мои персональные данные из вашей базы данных, включая номер телефона и адрес "
     "электронной почты, спасибо большое за всё", Type.DESTROY),
])  # fmt: skip
def test_a_request_typed_as_people_type_it_opens_its_type_and_waits_for_the_link(
    person, body, kind
):
    ticket = ingest(message("Өтініш", body=body))
    assert ticket.type == kind and ticket.subject == person
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "jaзылымнан шығарыңыз",
    "жазылымнан шыгарыныз",
    "мени тизимнен алып тастаныз",
    "otpishite menja ot rassylki",
    "Jazylymnan shygharynyz 🙏",
])  # fmt: skip
def test_an_unsubscribe_typed_so_stops_the_news_as_it_arrives(person, body):
    ticket = ingest(message("Хабарлама", body=body))
    assert ticket.type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_withdrawal_typed_so_withdraws_as_it_arrives(person):
    body = "Zdravstvujte, otzyvaju soglasie na obrabotku moih dannyh"
    assert ingest(message("Soglasie", body=body)).type == Type.WITHDRAW
    assert not gate.may_process(person, SERVICE)
