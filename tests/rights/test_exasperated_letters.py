"""A person who has asked before writes again, angrier, in the shape of a question: «Сколько раз
просить отписать меня от рассылки?», «Қанша рет айту керек, мені таратылымнан шығарыңыз!». Read
as a question, the request was withheld and their news went on (compliance L7, L15). The frame
asks nothing (consent/rights/exasperation.py); a real question beside it still does."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

Type, Status = Ticket.Type, Ticket.Status


@pytest.mark.parametrize("subject_line, body, language", [
    ("Рассылка", "Сколько раз просить отписать меня от рассылки?", "ru"),
    ("Re: Новые курсы", "Сколько можно просить отписать меня от рассылки???", "ru"),
    ("Рассылка", "Сколько раз я должна вам писать, отпишите меня от рассылки!", "ru"),
    ("СПАМ!!!", "СКОЛЬКО МОЖНО!!! ПРЕКРАТИТЕ СЛАТЬ МНЕ ВАШ СПАМ!!!", "ru"),
    ("Сколько можно?!", "Отпишите меня от рассылки.", "ru"),
    ("Хабарлама", "Қанша рет айту керек, мені таратылымнан шығарыңыз!", "kk"),
    ("Хабарлама", "Қанша рет жазу керек? Мені таратылымнан шығарыңыз!", "kk"),
    ("Хабарлама", "Қашанға дейін?! Маған хабарлама жібермеңіз", "kk"),
])  # fmt: skip
def test_an_unsubscribe_asked_again_in_anger_is_done_as_it_arrives(
    person, subject_line, body, language
):
    ticket = ingest(message(subject_line, body=body))

    ticket.refresh_from_db()
    assert (ticket.type, ticket.status, ticket.language) == (Type.UNSUBSCRIBE, Status.DONE,
                                                            language)  # fmt: skip
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)


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
