"""Compliance L8: due dates in Kazakhstan working days, on real 2026 dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
from consent.workdays.calendar import due_date, is_working_day
from consent.workdays.models import CalendarOverride
from tests.site.language import counted

ALMATY = ZoneInfo("Asia/Almaty")


def at(y, m, d, h=12):
    return datetime(y, m, d, h, tzinfo=ALMATY)


@pytest.mark.parametrize(
    "received,days,due",
    [
        # Fri 20 Mar 2026, the last working day before Nauryz (21-25 March with the days moved
        # off) and a weekend: day 1 is Thursday 26 March.
        (at(2026, 3, 20), 1, date(2026, 3, 26)),
        (at(2026, 3, 20), 3, date(2026, 3, 30)),
        (at(2026, 3, 20), 15, date(2026, 4, 15)),
        # Received on a Saturday: counting starts on Monday.
        (at(2026, 11, 28), 1, date(2026, 11, 30)),
        # Friday evening in Almaty is still Friday, even though it is Friday afternoon in UTC.
        (at(2026, 11, 27, 23), 1, date(2026, 11, 30)),
        # Constitution Day moved to 15 March, the day of the 2026 referendum that adopted the new
        # Constitution (its Art. 94); the Ministry of Labour announced that 30 August 2026 is no
        # longer a day off and that 15 March is one from 2027. So Sunday 30 August 2026 moves no
        # day off to Monday 31 August, which works…
        (at(2026, 8, 28), 1, date(2026, 8, 31)),
        # …and Monday 15 March 2027 is a day off: Friday 12 March + 1 is Tuesday 16 March.
        (at(2027, 3, 12), 1, date(2027, 3, 16)),
        # 30 August 2027, a Monday, is an ordinary working day.
        (at(2027, 8, 27), 1, date(2027, 8, 30)),
        # Before Independence Day (Wed 16 Dec 2026): Tuesday + 1 is Thursday.
        (at(2026, 12, 15), 1, date(2026, 12, 17)),
        # Across the New Year the desk meets this month: 1 and 2 January 2027 (Friday,
        # Saturday) are days off, and a holiday on a weekend day moves to the next working day,
        # no decree needed (Monday 4 January): Thursday 31 December + 1 is Tuesday 5 January.
        (at(2026, 12, 31), 1, date(2027, 1, 5)),
    ],
)
def test_due_dates_on_real_dates(db, received, days, due):
    assert due_date(received, days) == due


def test_weekend_made_working_by_decree(db):
    CalendarOverride.objects.create(date=date(2026, 12, 5), is_working_day=True, note="decree")
    assert is_working_day(date(2026, 12, 5))
    assert due_date(at(2026, 12, 4), 1) == date(2026, 12, 5)


def test_extra_day_off_by_decree(db):
    CalendarOverride.objects.create(date=date(2026, 12, 7), is_working_day=False)
    assert due_date(at(2026, 12, 4), 1) == date(2026, 12, 8)


@pytest.mark.parametrize(
    "ticket_type,days",
    [("access", 3), ("correct", 1), ("block", 1), ("unblock", 1), ("destroy", 1),
     ("withdraw", 15), ("publication_removal", 1), ("transfer_notice", 10),
     ("automated_objection", 3)],
)  # fmt: skip
def test_deadlines_per_type(ticket_type, days):
    assert deadline_days(Ticket.Type(ticket_type)) == days


def test_every_type_has_a_deadline():
    for ticket_type in Ticket.Type:
        assert deadline_days(ticket_type) > 0


def test_transfer_notice_due_in_ten_working_days_across_nauryz(db):
    """Art. 19(1): 10 working days. Received Thursday 19 March 2026: Fri 20 is day 1; Nauryz
    (21-23 March, with Saturday's and Sunday's days off moved to Tue 24 and Wed 25) and the
    weekend do not count, so day 2 is Thu 26 March and day 10 is Tuesday 7 April."""
    ticket = ticket_open(
        kind=Ticket.Type.TRANSFER_NOTICE,
        email="nobody@example.kz",
        language="kk",
        channel=Ticket.Channel.WEB,
        received_at=at(2026, 3, 19),
    )
    assert ticket.due_date == date(2026, 4, 7)


def test_access_deadline_is_a_setting(settings):
    settings.ACCESS_REQUEST_DAYS = 5
    assert deadline_days(Ticket.Type.ACCESS) == 5


@pytest.mark.parametrize(
    "received,due",
    [
        # Decree of 2024 (the holidays package's 2025 data): the day off moved from Sunday
        # 5 January 2025 to Friday 3 January, so that Sunday was a working day. Received on
        # New Year's Day, 1 working day: Thursday 2 and Friday 3 are days off, Saturday 4 is a
        # weekend, Sunday 5 January is day 1.
        (at(2025, 1, 2, 23), date(2025, 1, 5)),
        # Decree of 2024: the day off moved from Saturday 4 May 2024 to Wednesday 8 May.
        # Received on Friday 3 May at 00:10, day 1 is that working Saturday.
        (at(2024, 5, 3, 0), date(2024, 5, 4)),
        # ...and the Wednesday it was moved to does not count: Tuesday 7 May is Defender of the
        # Fatherland Day, Wednesday 8 May the day off moved, Thursday 9 May Victory Day.
        (at(2024, 5, 6), date(2024, 5, 10)),
    ],
)
def test_a_weekend_day_made_working_by_a_decreed_transfer_counts(db, received, due):
    """A transfer decree moves a day off onto a weekday and makes the weekend day it came from
    a working day: both halves count, not just the day off."""
    assert due_date(received, 1) == due
    assert is_working_day(date(2025, 1, 5)) and is_working_day(date(2024, 5, 4))
    assert not is_working_day(date(2025, 1, 3)) and not is_working_day(date(2024, 5, 8))


def test_a_transfer_across_the_new_year_counts_in_its_own_year(db):
    """The 2014 decree moved the day off of Friday 3 January 2014 from Saturday 28 December
    2013: that Saturday, in the year before the decree's, was a working day."""
    assert is_working_day(date(2013, 12, 28))
    assert due_date(at(2013, 12, 27), 1) == date(2013, 12, 28)


def test_a_calendar_change_moves_the_due_dates_of_open_requests_and_breaches(
    client, officer, time_machine
):
    """A decree published after a request arrived changes its legal deadline. When staff enter
    it, every request still open or waiting and every breach the regulator has not heard of is
    due again by the calendar as it now stands, earlier or later; an answered request keeps the
    date it was judged by. Received Friday 4 December 2026, 1 working day: Monday 7."""
    from consent.rights.breaches import breach_record
    from consent.rights.models import Breach
    from consent.rights.tickets import ticket_create
    from tests.staff import verified_login

    time_machine.move_to("2026-12-04 18:00+05:00", tick=False)
    officer_client = verified_login(client, officer)

    def request(**fields):
        return ticket_create(kind=Ticket.Type.BLOCK, subject=None, email="nobody@example.kz",
                             language="kk", channel=Ticket.Channel.WEB, notify=False,
                             **fields)  # fmt: skip

    confirmed = request(status=Ticket.Status.OPEN)
    waiting = request()
    request(status=Ticket.Status.DONE, closed_at=at(2026, 12, 4, 19))
    breach = breach_record(Breach(detected_at=at(2026, 12, 4, 18), description="Lost laptop"))
    assert {confirmed.due_date, waiting.due_date, breach.regulator_due} == {date(2026, 12, 7)}
    # A breach reported to the regulator already keeps the date its report was judged by.
    reported = breach_record(Breach(detected_at=at(2026, 12, 4, 18), description="Sent astray"))
    Breach.objects.filter(pk=reported.pk).update(regulator_notified_at=at(2026, 12, 4, 19))

    def dues():
        return [t.due_date for t in Ticket.objects.order_by("id")] + [
            Breach.objects.get(pk=breach.pk).regulator_due
        ]

    # A decree makes Monday 7 December a day off: due on Tuesday 8.
    officer_client.post("/admin/workdays/calendaroverride/add/",
                        {"date": "2026-12-07", "is_working_day": "", "note": "decree"})  # fmt: skip
    day_off = CalendarOverride.objects.get(date=date(2026, 12, 7))
    assert dues() == [date(2026, 12, 8), date(2026, 12, 8), date(2026, 12, 7), date(2026, 12, 8)]
    assert Breach.objects.get(pk=reported.pk).regulator_due == date(2026, 12, 7)

    # ...and Saturday 5 December a working day: due on that Saturday, earlier than before.
    officer_client.post("/admin/workdays/calendaroverride/add/",
                        {"date": "2026-12-05", "is_working_day": "on"})  # fmt: skip
    assert dues() == [date(2026, 12, 5), date(2026, 12, 5), date(2026, 12, 7), date(2026, 12, 5)]
    assert Breach.objects.get(pk=reported.pk).regulator_due == date(2026, 12, 7)

    # Removed again as entered by mistake: the calendar of the law, Monday 7, once more.
    officer_client.post("/admin/workdays/calendaroverride/", {
        "action": "delete_selected", "post": "yes", "_selected_action": [
            day_off.pk, CalendarOverride.objects.get(date=date(2026, 12, 5)).pk],
    })  # fmt: skip
    assert not CalendarOverride.objects.exists()
    assert dues() == [date(2026, 12, 7)] * 4


def test_staff_are_reminded_of_an_estimated_kurban_ait_until_they_enter_it(
    client, officer, time_machine
):
    """The first day of Kurban ait is announced each year; the package only estimates it ahead
    (16 May 2027, a Sunday). The calendar page says so until the announced date is entered."""
    from tests.staff import verified_login

    time_machine.move_to("2026-12-02 10:00+05:00", tick=False)
    staff = verified_login(client, officer)
    page = staff.get("/admin/workdays/calendaroverride/").content.decode()
    assert counted("2027 жылғы Құрбан айт") in page and "2027\xa0жылғы\xa016\xa0мамыр" in page
    # 27 May 2026 is past: no deadline runs across it now
    assert counted("2026 жылғы Құрбан айт") not in page
    CalendarOverride.objects.create(date=date(2027, 5, 16), is_working_day=False, note="decree")
    page = staff.get("/admin/workdays/calendaroverride/").content.decode()
    assert "Құрбан айт" not in page


@pytest.mark.parametrize("language, shown", [("ru", "7\xa0декабря\xa02026\xa0г."),
                                             ("kk", "2026\xa0жылғы\xa07\xa0желтоқсан")],
                         )  # fmt: skip
def test_a_calendar_exception_is_named_by_its_local_date(officer_client, language, shown):
    """The message after adding a day off, and the day's page, named it "2026-12-07"."""
    officer_client.cookies["django_language"] = language
    done = officer_client.post("/admin/workdays/calendaroverride/add/",
                               {"date": "07.12.2026", "is_working_day": "", "note": "decree"},
                               follow=True)  # fmt: skip
    assert shown in str(next(iter(done.context["messages"])))
    day = CalendarOverride.objects.get()
    page = officer_client.get(f"/admin/workdays/calendaroverride/{day.pk}/change/").content.decode()
    assert shown in page and "2026-12-07" not in page


def test_a_due_date_moved_by_the_calendar_is_in_the_audit_log(
    client, privacy_officer, make_subject, time_machine
):
    """Compliance L8, L16: the recount wrote no audit row, so nothing showed that request №N,
    due on Monday 7 December, became due on Tuesday 8 because a day off was entered, nor who
    entered it. Each date moved has its row: the request (or breach), the old and the new
    date, the calendar day and what was done to it, and the staff member."""
    from consent.core.models import AuditEvent
    from consent.rights.breaches import breach_record
    from consent.rights.models import Breach
    from consent.rights.tickets import ticket_create
    from tests.staff import verified_login

    time_machine.move_to("2026-12-04 18:00+05:00", tick=False)
    person = make_subject()
    ticket = ticket_create(kind=Ticket.Type.BLOCK, subject=person, email=person.email,
                           language="kk", channel=Ticket.Channel.WEB, notify=False,
                           status=Ticket.Status.OPEN)  # fmt: skip
    answered = ticket_create(kind=Ticket.Type.BLOCK, subject=person, email=person.email,
                             language="kk", channel=Ticket.Channel.WEB, notify=False,
                             status=Ticket.Status.DONE)  # fmt: skip
    breach = breach_record(Breach(detected_at=at(2026, 12, 4, 18), description="Lost laptop"))
    desk = verified_login(client, privacy_officer)
    desk.post("/admin/workdays/calendaroverride/add/",
              {"date": "2026-12-07", "is_working_day": "", "note": "decree"})  # fmt: skip
    moved = AuditEvent.objects.filter(action="due_recount").order_by("id")
    change = {"calendar_date": "2026-12-07", "calendar_change": "added", "working_day": False}
    rows = [(e.object_type, e.object_id, e.subject_ref, e.actor_label, e.detail) for e in moved]
    assert rows == [
        ("rights.ticket", str(ticket.pk), person.pk, privacy_officer.username,
         {"old_due": "2026-12-07", "new_due": "2026-12-08", **change}),
        ("rights.breach", str(breach.pk), None, privacy_officer.username,
         {"old_due": "2026-12-07", "new_due": "2026-12-08", **change}),
    ]  # fmt: skip
    assert not moved.filter(object_id=str(answered.pk), object_type="rights.ticket").exists()

    # The officer finds it in the audit log by the person's number, named in their language.
    desk.cookies["django_language"] = "ru"
    listed = desk.get(f"/admin/consent/auditevent/?q={person.pk}").content.decode()
    assert "срок перенесён из-за изменения календаря" in listed
    row = desk.get(f"/admin/consent/auditevent/{moved.first().pk}/change/").content.decode()
    assert "07.12.2026" in row and "08.12.2026" in row  # as the admin writes a date

    # Removed again: moved back, and that is audited too.
    day_off = CalendarOverride.objects.get()
    desk.post(f"/admin/workdays/calendaroverride/{day_off.pk}/delete/", {"post": "yes"})
    back = moved.filter(detail__calendar_change="removed", object_type="rights.ticket").get()
    assert back.detail == {"old_due": "2026-12-08", "new_due": "2026-12-07",
                           "calendar_date": "2026-12-07", "calendar_change": "removed"}  # fmt: skip


@pytest.mark.parametrize("language, typed, said", [
    ("ru", "07.12.0226", "Проверьте год"), ("kk", "07.12.1026", "Жылды тексеріңіз"),
    ("ru", "0226-12-07", "Проверьте год"), ("kk", "07.12.0001", "Жылды тексеріңіз"),
    ("ru", "07.12.2226", "Проверьте год"), ("kk", "2226-12-07", "Жылды тексеріңіз"),
    ("ru", "31.12.9999", "Проверьте год"),
])  # fmt: skip
def test_a_calendar_exception_with_its_year_mistyped_is_refused(
    client, privacy_officer, make_subject, time_machine, language, typed, said
):
    """Dana enters a decree's day off and mistypes the year: the day was saved in year 226, the
    message said it was added, and the request due on the day the decree meant stayed due on
    it. Refused at the date, in her language; nothing saved and no due date moved."""
    from consent.rights.tickets import ticket_create
    from tests.staff import verified_login

    time_machine.move_to("2026-12-04 12:00+05:00")
    person = make_subject()
    ticket = ticket_create(kind=Ticket.Type.BLOCK, subject=person, email=person.email,
                           language="kk", channel=Ticket.Channel.WEB, notify=False,
                           status=Ticket.Status.OPEN)  # fmt: skip
    due = ticket.due_date
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = language
    page = desk.post("/admin/workdays/calendaroverride/add/",
                     {"date": typed, "is_working_day": "", "note": "decree"})  # fmt: skip
    assert page.status_code == 200
    refused = str(page.context["adminform"].form.errors["date"])
    assert said in refused and "1991" in refused and "2028" in refused  # the years it takes
    assert not CalendarOverride.objects.exists()
    ticket.refresh_from_db()
    assert ticket.due_date == due


def test_the_calendar_takes_a_day_of_the_year_after_next(client, officer, time_machine):
    from tests.staff import verified_login

    time_machine.move_to("2026-12-04 12:00+05:00")
    desk = verified_login(client, officer)
    for typed in ["02.01.1991", "31.12.2028"]:
        desk.post("/admin/workdays/calendaroverride/add/",
                            {"date": typed, "is_working_day": "", "note": "decree"})  # fmt: skip
    assert sorted(d.year for d in CalendarOverride.objects.values_list("date", flat=True)) == [
        1991, 2028]  # fmt: skip


COUNTED = {
    "ru": {"holiday": ("Понедельник, 4\xa0января\xa02027\xa0г.", "выходной день",
                       "календарь праздников"),
           "entered": ("Суббота, 9\xa0января\xa02027\xa0г.", "рабочий день",
                       "исключение, внесённое здесь")},
    "kk": {"holiday": ("Дүйсенбі, 2027\xa0жылғы\xa04\xa0қаңтар", "демалыс күні",
                       "мерекелер күнтізбесі"),
           "entered": ("Сенбі, 2027\xa0жылғы\xa09\xa0қаңтар", "жұмыс күні", "осында енгізілген")},
}  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_calendar_shows_next_years_days_off_to_compare_with_the_decree(
    client, privacy_officer, time_machine, language
):
    """Dana has next year's decree moving days off in hand. The calendar's page listed only the
    exceptions entered (none), not what the calendar already counts, so she could not tell
    which of the decree's days it knew (4 January 2027, New Year's Saturday moved to Monday by
    law) and which to enter. Now both years' days counted otherwise are listed, each saying
    where it comes from, an exception she enters among them."""
    from tests.staff import verified_login

    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    staff = verified_login(client, privacy_officer)
    staff.cookies["django_language"] = language
    assert staff.post("/admin/workdays/calendaroverride/add/",
                      {"date": "09.01.2027", "is_working_day": "on", "note": "decree"},
                      ).status_code == 302  # fmt: skip
    page = staff.get("/admin/workdays/calendaroverride/").content.decode()
    next_year = page[page.index('id="counted-2027"') :]
    for row in COUNTED[language].values():
        assert "<li>{}: {} ({})</li>".format(*row) in next_year
    assert not is_working_day(date(2027, 1, 4)) and is_working_day(date(2027, 1, 9))
