"""Cancelling a course is not unsubscribing from the news (compliance L7, L15): «Прошу
отменить подписку на онлайн-курс», «Курсқа жазылуды тоқтатыңыз» stopped the person's news and
offers as the letter arrived, while they asked to cancel a service. A subscription word whose
object is a course, an order or an event opens "other" for an officer, nothing unsubscribed;
one whose object is the news still stops it as it arrives."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import message

Type = Ticket.Type

A_SERVICE = [
    "Прошу отменить подписку на онлайн-курс",
    "Курсқа жазылуды тоқтатыңыз",
    "Отмените мою запись на курс",
    "Хочу отписаться от курса английского",
    "Отпишите меня от занятий по математике",
    "Отмените подписку на вебинары, пожалуйста",
    "Ағылшын курсына жазылуымды тоқтатыңыз",
    "Курсқа жазылудан бас тартамын",
    "Прошу отменить подписку на абонемент в бассейн",
    "Otmenite podpisku na onlain-kurs",
    "Kursqa jazyludy toqtatyñyz",
]


@pytest.mark.parametrize("body", A_SERVICE)
def test_cancelling_a_course_unsubscribes_nothing(person, body):
    ticket = ingest(message("", message_id="<course@x>", body=body))
    assert (ticket.type, ticket.status) == (Type.OTHER, "unverified")
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.OTHER))
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


THE_NEWS = [
    "Отпишите меня от рассылки о курсах",
    "Курстар туралы жаңалықтарды жібермеңіз",
    "Прошу отменить подписку на новости курса",
    "Отпишите меня от уведомлений о занятиях",
    "Курс жаңалықтарына жазылымнан бас тартамын",
    "Отпишите меня, я уже закончила курс",
    "Отмените подписку на курс и больше не присылайте рассылку",
    "Otpishite menya ot rassylki o kursakh",
]


@pytest.mark.parametrize("body", THE_NEWS)
def test_unsubscribing_from_news_about_courses_still_stops_the_news(person, body):
    ticket = ingest(message("", message_id="<news@x>", body=body))
    assert ticket.type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_course_cancelled_beside_another_request_stops_no_news(person):
    body = "Удалите мои данные и отмените подписку на курс"
    ticket = ingest(message("", message_id="<both@x>", body=body))
    assert ticket.type == Type.DESTROY
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
