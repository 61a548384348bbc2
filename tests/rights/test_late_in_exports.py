"""What the officer downloads for a report says which requests were answered late, by the desk's
one rule (statistics.timed) and the local day in Almaty: the register names each request on
time, late or not answered, and the statistics count, month by month, the requests received,
answered and, of those, answered late."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .conftest import act

ALMATY = ZoneInfo("Asia/Almaty")
REGISTER = {
    "kk": ("мерзімінде жауап берілді", "мерзімінен кеш жауап берілді", "жауап берілмеді",
           "жауап берілмеді, мерзімі өтті"),
    "ru": ("отвечено в срок", "отвечено с опозданием", "ответ не дан", "ответ не дан, срок прошёл"),
}  # fmt: skip
REQUESTS_HEADER = {
    "kk": ["ай", "өтініш түрі", "түскен өтініштер", "жауап берілген өтініштер",
           "оның ішінде мерзімінен кеш"],
    "ru": ["месяц", "тип запроса", "поступило запросов", "дано ответов", "из них с опозданием"],
}  # fmt: skip
MONTHS = {"kk": ("2026 жылғы қараша", "2026 жылғы желтоқсан"),
          "ru": ("ноябрь 2026 г.", "декабрь 2026 г.")}  # fmt: skip
TYPES = {
    "kk": {"access": "деректерге қол жеткізу", "block": "өңдеуді бұғаттау",
           "correct": "деректерді түзету немесе жаңарту", "destroy": "деректерді жою"},
    "ru": {"access": "доступ к данным", "block": "блокирование обработки",
           "correct": "исправление или обновление данных", "destroy": "уничтожение данных"},
}  # fmt: skip


def table(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def month_end(client, privacy_officer, person, time_machine):
    """Four requests received in November, all due on Monday 30 November: one refused at 23:30
    that day in Almaty (18:30 UTC), on time; one refused at 00:30 on 1 December in Almaty, late
    though it is still 30 November in UTC (19:30); one closed unconfirmed in December (never
    answered); one still open."""
    time_machine.move_to("2026-11-25 10:00+05:00", tick=False)
    on_time, late, unconfirmed, still_open = made = [
        ticket_open(kind=kind, email=person.email, language="kk", channel="web")
        for kind in ("block", "correct", "access", "destroy")
    ]
    for ticket in (on_time, late, still_open):
        ticket_verify(ticket)
    Ticket.objects.filter(pk__in=[t.pk for t in made]).update(due_date=date(2026, 11, 30))
    time_machine.move_to("2026-11-30 23:30+05:00", tick=False)
    act(verified_login(client, privacy_officer), on_time, "refuse", reason="Шарт орындалуда.")
    time_machine.move_to("2026-12-01 00:30+05:00", tick=False)
    act(verified_login(client, privacy_officer), late, "refuse", reason="Құжат жоқ.")
    Ticket.objects.filter(pk=unconfirmed.pk).update(
        status=Ticket.Status.NOT_CONFIRMED, closed_at=datetime(2026, 12, 2, 9, tzinfo=ALMATY)
    )
    time_machine.move_to("2026-12-10 10:00+05:00", tick=False)
    return verified_login(client, privacy_officer), made


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_says_of_each_request_whether_it_was_answered_late(month_end, lang):
    staff, (on_time, late, unconfirmed, still_open) = month_end
    assert Ticket.objects.get(pk=late.pk).closed_at.date().isoformat() == "2026-11-30"  # UTC
    staff.cookies["django_language"] = lang
    response = staff.get("/admin/rights/ticket/register.csv?due=all")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    said = {row[0]: row[9] for row in rows[1:]}
    in_time, after, none, overdue = REGISTER[lang]
    # Still open on 10 December, due on 30 November: its due date has passed, as the desk says.
    assert said == {on_time.reference: in_time, late.reference: after,
                    unconfirmed.reference: none, still_open.reference: overdue}  # fmt: skip
    closed = {row[0]: row[7] for row in rows[1:]}
    assert closed[late.reference] == "01.12.2026 00:30"  # the day the officer reads, past the due


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_statistics_count_late_answers_by_the_month_they_were_given(month_end, lang):
    """The late answer counts in December, the local month it was given, though UTC still
    read November; the on-time one in November; the unconfirmed and the open ones as received,
    never as answered."""
    staff, _made = month_end
    staff.cookies["django_language"] = lang
    response = staff.get("/admin/rights/ticket/statistics-requests.csv")
    assert response.status_code == 200
    header, *rows = table(response)
    november, december = MONTHS[lang]
    named = TYPES[lang]
    assert header == REQUESTS_HEADER[lang]
    assert rows == [
        [november, named["access"], "1", "0", "0"],
        [november, named["block"], "1", "1", "0"],
        [november, named["correct"], "1", "0", "0"],
        [november, named["destroy"], "1", "0", "0"],
        [december, named["correct"], "0", "1", "1"],
    ]
