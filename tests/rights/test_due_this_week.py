"""«Due this week» on the desk's list (compliance L8): the open requests an officer plans her
week by, from today to the week's last working day by the calendar, from the local date. The
list offered only today and the next working day, and «all open» mixed next month's
withdrawals in with this week's corrections."""

from datetime import date

import pytest

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from consent.workdays.models import CalendarOverride
from tests.staff import verified_login

from .test_desk_list_filters import listed

CHOICE = {"kk": "мерзімі осы аптада: %s–%s", "ru": "срок на\xa0этой неделе: %s–%s"}


@pytest.fixture
def week(db, time_machine):
    """Requests due from Friday 11 to Monday 21 December 2026, one of each open (each its own
    person's: a second of one person's joins the first), and one due on Tuesday 15 already
    answered. Wednesday 16 is Independence Day."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    due = [date(2026, 12, d) for d in (11, 14, 15, 17, 18, 21)]
    made = {}
    for day in due:
        email = f"p{day.day}@example.kz"
        ticket = ticket_open(kind="access", email=email, language="kk", channel="web")
        ticket_verify(ticket)
        Ticket.objects.filter(pk=ticket.pk).update(due_date=day)
        made[day.day] = ticket.reference
    answered = ticket_open(kind="access", email="done@example.kz", language="kk", channel="web")
    Ticket.objects.filter(pk=answered.pk).update(due_date=date(2026, 12, 15),
                                                 status=Ticket.Status.DONE)  # fmt: skip
    return made


def desk_at(client, officer, time_machine, moment, lang):
    time_machine.move_to(moment, tick=False)
    staff = verified_login(client, officer)
    staff.cookies["django_language"] = lang
    return staff


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_due_this_week_lists_the_weeks_open_requests_by_the_local_date(
    client, privacy_officer, week, time_machine, lang
):
    """00:30 on Tuesday 15 December in Almaty is still Monday 14 in UTC: the week is Tuesday 15
    to Friday 18, the request due on Monday 14 is overdue (a choice of its own), not due."""
    staff = desk_at(client, privacy_officer, time_machine, "2026-12-15 00:30+05:00", lang)
    page = staff.get("/admin/rights/ticket/").content.decode()
    assert CHOICE[lang] % ("15.12.2026", "18.12.2026") in page and "?due=week" in page
    shown = listed(staff.get("/admin/rights/ticket/?due=week").content.decode())
    assert shown == [week[15], week[17], week[18]]  # by due date, the answered one not


def test_on_a_weekend_the_week_is_the_coming_one_and_a_working_saturday_counts(
    client, privacy_officer, week, time_machine
):
    """On Sunday 13 December the officer plans the week ahead. A Saturday a decree makes
    working (entered in the calendar) ends the week instead of Friday."""
    # Entered as it stood before the requests came (no recount of their dates).
    CalendarOverride.objects.bulk_create([CalendarOverride(date=date(2026, 12, 19),
                                                           is_working_day=True)])  # fmt: skip
    Ticket.objects.filter(due_date=date(2026, 12, 21)).update(due_date=date(2026, 12, 19))
    staff = desk_at(client, privacy_officer, time_machine, "2026-12-13 18:00+05:00", "ru")
    page = staff.get("/admin/rights/ticket/?due=week").content.decode()
    assert CHOICE["ru"] % ("14.12.2026", "19.12.2026") in page
    assert listed(page) == [week[14], week[15], week[17], week[18], week[21]]
