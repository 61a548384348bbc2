"""A postscript under the writer's sign-off is theirs (compliance L7, L15;
consent/rights/postscripts.py): what it asks was read as the signature's and dropped."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


@pytest.mark.parametrize("body, language", [
    ("Когда начнётся курс?\n\nС уважением,\nАсель\n\nP.S. И отпишите меня от рассылки.", "ru"),
    ("Курс қашан басталады?\n\nҚұрметпен,\nӘсел\n\nP.S. Мені таратылымнан шығарыңызшы.", "kk"),
    ("Спасибо!\n--\nАсель\nП.С. отпишите меня от рассылки", "ru"),
])  # fmt: skip
def test_a_stop_in_a_postscript_stops_the_news_as_the_letter_arrives(person, body, language):
    ticket = ingest(message("", body=body))
    assert ticket.language == language
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_destruction_in_a_postscript_is_asked(person):
    ticket = ingest(
        message("", body="Спасибо за курс!\n\nС уважением, Асель\nPS: удалите мои данные")
    )
    assert (ticket.type, ticket.language) == (Ticket.Type.DESTROY, "ru")


@pytest.mark.parametrize("body, expected", [
    # a company signature's own postscript asks nothing
    ("Когда начнётся курс?\n\nС уважением,\nАсель Касымова\nТОО «Восток»\n"
     "P.S. Берегите природу: не распечатывайте это письмо без необходимости.", ("other", "ru")),
    # under a legal notice, none of it is the writer's
    ("Когда начнётся курс?\n\nЭто письмо конфиденциально. Если вы получили его по ошибке, "
     "удалите его.\nP.S. Удалите это письмо, если вы не адресат.", ("other", "ru")),
    # a word that begins as one is no postscript
    ("Когда начнётся курс?\n\nС уважением,\nАсель\nPsychology Today: unsubscribe", ("other", "ru")),
])  # fmt: skip
def test_a_postscript_that_is_no_writers_asks_nothing(db, body, expected):
    assert classify("", body) == expected
