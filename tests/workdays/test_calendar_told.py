"""Compliance L8, L21: a decree entered in the calendar moves the deadlines still running, and the
officer who entered it is told what moved. The page said only that the day was added: a request
and a breach whose deadline the decree put into the past (a Saturday made working, entered on
the Monday after) were overdue from that moment, and nothing said so until the next digest."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach, Ticket
from consent.rights.tickets import ticket_create
from consent.workdays.models import CalendarOverride
from tests.staff import verified_login

ALMATY = ZoneInfo("Asia/Almaty")
MOVED = {
    "kk": "Мерзімі жылжыған өтініштер: 1, дербес деректер қауіпсіздігінің бұзылулары: 1",
    "ru": "Перенесено сроков запросов: 1, нарушений безопасности персональных данных: 1",
}
OVERDUE = {"kk": "Жаңа есеп бойынша мерзімі өткен өтініштер: 1",
           "ru": "По новому счёту просрочено запросов: 1"}  # fmt: skip


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


@pytest.fixture
def running(make_subject, time_machine):
    """A block asked on Friday 4 December 2026 and a breach detected then: both due on Monday 7."""
    time_machine.move_to(datetime(2026, 12, 4, 18, tzinfo=ALMATY), tick=False)
    person = make_subject()
    ticket = ticket_create(kind=Ticket.Type.BLOCK, subject=person, email=person.email,
                           language="kk", channel=Ticket.Channel.WEB, notify=False,
                           status=Ticket.Status.OPEN)  # fmt: skip
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 4, 18, tzinfo=ALMATY),
                                  description="Lost laptop"))  # fmt: skip
    assert ticket.due_date == breach.regulator_due == date(2026, 12, 7)
    return ticket, breach


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_saturday_made_working_after_it_passed_leaves_them_overdue_and_says_so(
    client, privacy_officer, running, time_machine, lang
):
    ticket, breach = running
    time_machine.move_to(datetime(2026, 12, 7, 9, tzinfo=ALMATY), tick=False)  # Monday
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    done = desk.post("/admin/workdays/calendaroverride/add/",
                     {"date": "2026-12-05", "is_working_day": "on", "note": "decree"},
                     follow=True)  # fmt: skip
    ticket.refresh_from_db()
    breach.refresh_from_db()
    assert ticket.due_date == breach.regulator_due == date(2026, 12, 5)
    told = messages_of(done)
    assert any(level == "info" and MOVED[lang] in text for level, text in told), told
    assert any(level == "warning" and OVERDUE[lang] in text for level, text in told), told


def test_a_day_off_added_says_what_moved_and_warns_of_nothing(
    client, privacy_officer, running, time_machine
):
    ticket, _breach = running
    desk = verified_login(client, privacy_officer)
    done = desk.post("/admin/workdays/calendaroverride/add/",
                     {"date": "2026-12-07", "is_working_day": "", "note": "decree"},
                     follow=True)  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.due_date == date(2026, 12, 8)
    told = messages_of(done)
    assert any(MOVED["kk"] in text for _level, text in told), told
    assert not any(OVERDUE["kk"][:20] in text for _level, text in told), told
    # Removed again: moved back, and said so too.
    day = CalendarOverride.objects.get()
    gone = desk.post(f"/admin/workdays/calendaroverride/{day.pk}/delete/", {"post": "yes"},
                     follow=True)  # fmt: skip
    assert any(MOVED["kk"] in text for _level, text in messages_of(gone))


def test_a_day_that_moves_nothing_says_nothing_of_deadlines(client, privacy_officer, db):
    desk = verified_login(client, privacy_officer)
    done = desk.post("/admin/workdays/calendaroverride/add/",
                     {"date": "2026-12-07", "is_working_day": "", "note": "decree"},
                     follow=True)  # fmt: skip
    told = [text for _level, text in messages_of(done)]
    assert not any("Мерзімі жылжыған" in text or "өтініштер" in text for text in told), told
