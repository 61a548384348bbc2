"""A person who has asked before writes again, angrier, in the shape of a question: «Сколько раз
просить отписать меня от рассылки?», «Қанша рет айту керек, мені таратылымнан шығарыңыз!». Read
as a question, the request was withheld and their news went on (compliance L7, L15). The frame
asks nothing (consent/rights/exasperation.py), so the unsubscribe is done as it arrives (the
angry letters are among tests/rights/test_unsubscribe_besides.py's); a real question beside it
still waits."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

Type, Status = Ticket.Type, Ticket.Status


@pytest.mark.parametrize("body", [
    "Отпишите меня от рассылки. Сколько раз в неделю занятия?",
    "Отпишите меня от рассылки. Сколько можно пропустить занятий?",
    "Мені таратылымнан шығарыңыз. Қашанға дейін тіркелуге болады?",
])  # fmt: skip
def test_a_real_question_beside_it_still_waits_for_an_officer(person, body):
    ticket = ingest(message("Вопрос", body=body))

    ticket.refresh_from_db()
    assert ticket.type == Type.OTHER and ticket.status != Status.DONE
    assert not gate.may_process(person, MARKETING)  # the news stopped as asked


@pytest.mark.parametrize("body", ["Сколько можно присылать эти письма?", "Сколько можно?!"])
def test_the_frame_alone_is_read_by_an_officer(person, body):
    ticket = ingest(message("Рассылка", body=body))

    assert isinstance(ticket, Ticket) and ticket.type == Type.OTHER
