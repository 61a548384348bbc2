"""A Kazakh noun of three letters is read with its suffixes (compliance L7,
phrases.KAZAKH_SUFFIXES). The phrases say «хат жібермеу», «хат алғым келмейді», but people write
the letters in the plural, as theirs, in a case: «Бұл хаттарыңызды маған жібермеңіз», «Хаттарды
жібермеңіз». Too short for a stem, «хат» matched only itself; the news went on and an officer
was left to read «other»."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Бұл хаттарыңызды маған жібермеңіз.",
    "Хаттарды жібермеңіз.",
    "Мұндай хаттарды жібере бермеңіз",
    "Хаттарыңызды алғым келмейді",
])  # fmt: skip
def test_letters_named_with_their_suffixes_stop_the_news(person, body):
    ticket = ingest(message("Re: Жаңа курстар", body=body))
    assert (ticket.type, ticket.language) == (Type.UNSUBSCRIBE, "kk")
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body", [
    "Хатты алдым, рахмет. Курс қашан басталады?",
    "Хаттарыңыз маған ұнайды, жібере беріңіз",
])  # fmt: skip
def test_letters_named_without_a_stop_stop_nothing(person, body):
    assert ingest(message("Re: Жаңа курстар", body=body)).type != Type.UNSUBSCRIBE
    assert untouched(person)
