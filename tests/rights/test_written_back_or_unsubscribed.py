"""«Отпишитесь» said to the reader is writing back («отпишитесь, когда будет расписание»), but
a phone's keyboard or a slip writes «отпишите меня» as «отпишитесь меня»: the writer as its
object, which writing back never takes. It opened "other", fifteen working days for an officer
while the news went on (compliance L7, L15; consent/rights/phrases.py::WRITER)."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts


def test_a_slip_writing_back_to_the_writer_stops_the_news_as_it_arrives(person):
    ticket = ingest(message("", body="Отпишитесь меня от рассылки пожалуйста"))
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "ru", "done")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body, expected", [
    ("Отпишитесь меня от ваших писем.", ("unsubscribe", "ru")),
    # writing back, whatever follows
    ("Отпишитесь, когда будет расписание.", ("other", "ru")),
    ("Отпишитесь мне по поводу курса, пожалуйста.", ("other", "ru")),
    ("Отпишись о результатах.", ("other", "ru")),
])  # fmt: skip
def test_writing_back_asked_stays_a_question(db, body, expected):
    assert classify("", body) == expected
