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


def requests_due(days):
    """One open request due on each of `days`, each its own person's; their numbers by date."""
    made = {}
    for day in days:
        email = f"p{day:%m%d}@example.kz"
        ticket = ticket_open(kind="access", email=email, language="ru", channel="web")
        ticket_verify(ticket)
        Ticket.objects.filter(pk=ticket.pk).update(due_date=day)
        made[day] = ticket.reference
    return made


def named_and_listed(client, officer, time_machine, moment, lang):
    """The week's choice as the desk names it at `moment`, and the requests it lists."""
    staff = desk_at(client, officer, time_machine, moment, lang)
    page = staff.get("/admin/rights/ticket/?due=week").content.decode()
    return page, listed(page)


WEEK = {"kk": ("мерзімі осы аптада: ", "мерзімі келесі аптада: "),
        "ru": ("срок на\xa0этой неделе: ", "срок на\xa0следующей неделе: ")}  # fmt: skip
THIS, NEXT = 0, 1


def label(lang, which, first, last=None):
    days = first if last is None else f"{first}–{last}"
    return WEEK[lang][which] + days


# Each day of the week of 14 December 2026 (Wednesday 16 is Independence Day), in Almaty at
# 00:30, still the day before in UTC: the working days left of this Monday-to-Sunday week,
# and on the weekend, when none is left, the next week, named so.
EACH_DAY = [
    ("2026-12-14", THIS, "14.12.2026", "18.12.2026"),  # Monday
    ("2026-12-15", THIS, "15.12.2026", "18.12.2026"),  # Tuesday
    ("2026-12-16", THIS, "17.12.2026", "18.12.2026"),  # Wednesday, a holiday
    ("2026-12-17", THIS, "17.12.2026", "18.12.2026"),  # Thursday
    ("2026-12-18", THIS, "18.12.2026", None),  # Friday: its one day
    ("2026-12-19", NEXT, "21.12.2026", "25.12.2026"),  # Saturday
    ("2026-12-20", NEXT, "21.12.2026", "25.12.2026"),  # Sunday
]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("day", "which", "first", "last"), EACH_DAY)
def test_the_week_is_named_as_the_week_it_lists_on_each_day(
    client, privacy_officer, time_machine, lang, day, which, first, last
):
    """On a Sunday the choice said «due this week» of the coming Monday to Friday: the week
    just over by the office's calendar. It names this week while a working day of it is left,
    else the next week, and lists exactly the open requests due on the days it names."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    due = requests_due([date(2026, 12, d) for d in (11, 14, 15, 17, 18, 21, 23, 25, 28)])
    page, shown = named_and_listed(client, privacy_officer, time_machine,
                                   f"{day} 00:30+05:00", lang)  # fmt: skip
    assert label(lang, which, first, last) in page
    assert label(lang, 1 - which, first, last) not in page
    start = date.fromisoformat("-".join(reversed(first.split("."))))
    end = date.fromisoformat("-".join(reversed((last or first).split("."))))
    assert shown == [ref for when, ref in due.items() if start <= when <= end]


# The week of 3 May 2027 begins and ends with a day off (Monday 3, the moved Unity Day, and
# Friday 7, Defender of the Fatherland Day); the next begins with one (Monday 10, Victory
# Day moved off the Sunday).
HOLIDAY_WEEK = [
    ("2027-05-03 09:00", THIS, "04.05.2027", "06.05.2027"),
    ("2027-05-06 23:30", THIS, "06.05.2027", None),
    ("2027-05-07 00:30", NEXT, "11.05.2027", "14.05.2027"),
    ("2027-05-09 18:00", NEXT, "11.05.2027", "14.05.2027"),
]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("moment", "which", "first", "last"), HOLIDAY_WEEK)
def test_a_week_ended_by_a_holiday_names_the_next_one(
    client, privacy_officer, time_machine, lang, moment, which, first, last
):
    time_machine.move_to("2027-04-20 10:00+05:00", tick=False)
    due = requests_due([date(2027, 5, d) for d in (4, 6, 11, 14, 17)])
    page, shown = named_and_listed(client, privacy_officer, time_machine,
                                   f"{moment}+05:00", lang)  # fmt: skip
    assert label(lang, which, first, last) in page
    start = date.fromisoformat("-".join(reversed(first.split("."))))
    end = date.fromisoformat("-".join(reversed((last or first).split("."))))
    assert shown == [ref for when, ref in due.items() if start <= when <= end]


def test_on_a_weekend_the_next_week_is_named_and_a_working_saturday_counts(
    client, privacy_officer, week, time_machine
):
    """On Sunday 13 December the officer plans the week ahead, named the next week. A
    Saturday a decree makes working (entered in the calendar) ends it instead of Friday, and
    on that Saturday it is this week's one day left."""
    # Entered as it stood before the requests came (no recount of their dates).
    CalendarOverride.objects.bulk_create([CalendarOverride(date=date(2026, 12, 19),
                                                           is_working_day=True)])  # fmt: skip
    Ticket.objects.filter(due_date=date(2026, 12, 21)).update(due_date=date(2026, 12, 19))
    staff = desk_at(client, privacy_officer, time_machine, "2026-12-13 18:00+05:00", "ru")
    page = staff.get("/admin/rights/ticket/?due=week").content.decode()
    assert label("ru", NEXT, "14.12.2026", "19.12.2026") in page
    assert listed(page) == [week[14], week[15], week[17], week[18], week[21]]
    staff = desk_at(client, privacy_officer, time_machine, "2026-12-19 10:00+05:00", "kk")
    page = staff.get("/admin/rights/ticket/?due=week").content.decode()
    assert label("kk", THIS, "19.12.2026") in page
    assert listed(page) == [week[21]]
