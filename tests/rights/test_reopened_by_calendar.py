"""A request reopened after the working-day calendar changed (compliance L8): its due date is
the law's as the calendar now stands, counted from receipt, as every other open request's is
(recount.deadlines_recount). Answered, it kept the date it was judged by; reopened, it kept that
date too, a day the calendar no longer gives: a Saturday made working after the answer left it
due a day later than the law, and the next change of the calendar, of any day, moved it then."""

from datetime import date

import pytest
from django.contrib.auth.models import User

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import act, confirm, web_request

# What the officer is told once she has reopened it, in her language.
DUE = {
    "ru": ("Запрос снова открыт. Срок ответа пересчитан по календарю рабочих дней, изменённому "
           "после ответа (прежний срок: 12.01.2027).", "срок ответа на него — 11.01.2027."),
    "kk": ("Өтініш қайта ашылды. Жауап беру мерзімі жауап берілгеннен кейін өзгерген жұмыс "
           "күндерінің күнтізбесі бойынша қайта есептелді (бұрынғы мерзімі: 12.01.2027).",
           "оған жауап беру мерзімі — 11.01.2027."),
}  # fmt: skip


def officer_on(desk, moment, time_machine, language):
    """Olga at the desk at `moment` (signed in again: an idle staff session ends)."""
    time_machine.move_to(moment, tick=False)
    desk = verified_login(desk, User.objects.get(username="olga"))
    desk.cookies["django_language"] = language
    return desk


def told(response):
    return [str(m).replace("\xa0", " ") for m in response.context["messages"]]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_request_reopened_after_a_calendar_change_is_due_by_the_calendar_as_it_stands(
    client, desk, person, time_machine, language
):
    # Wednesday 6 January 2027, the eve of Orthodox Christmas: an access request, 3 working
    # days: Friday 8, Monday 11, Tuesday 12.
    desk = officer_on(desk, "2027-01-06 10:00+05:00", time_machine, language)
    web_request(client, "ru", "access")
    access = confirm(client, "ru")
    assert access.due_date == date(2027, 1, 12)
    desk = officer_on(desk, "2027-01-08 10:00+05:00", time_machine, language)
    act(desk, access)
    access.refresh_from_db()
    assert access.status == Ticket.Status.DONE
    # The same day a decree, announced late, makes Saturday 9 January a working day. The
    # request answered keeps the day it was judged by.
    desk.post("/admin/workdays/calendaroverride/add/",
              {"date": "2027-01-09", "is_working_day": "on", "note": "decree"},
              follow=True)  # fmt: skip
    access.refresh_from_db()
    assert access.due_date == date(2027, 1, 12)

    # Monday 11 January: the answer did not reach the person, and the officer reopens it. By
    # the calendar as it stands, its working days are Friday 8, Saturday 9 and Monday 11: it is
    # due today, not tomorrow, as the desk said.
    desk = officer_on(desk, "2027-01-11 09:30+05:00", time_machine, language)
    page = desk.post(f"/admin/rights/ticket/{access.pk}/reopen/", {"reason": "Ответ не дошёл"},
                     follow=True)  # fmt: skip
    access.refresh_from_db()
    assert access.status == Ticket.Status.OPEN and access.due_date == date(2027, 1, 11)
    [text] = told(page)
    moved, due = DUE[language]
    assert moved in text and due in text, text
    today = desk.get("/admin/rights/ticket/?due=today").content.decode()
    assert f">№\xa0{access.reference}<" in today
    event = AuditEvent.objects.get(action=AuditEvent.Action.REQUEST_REOPEN)
    assert (event.detail["old_due"], event.detail["due"]) == ("2027-01-12", "2027-01-11")

    # Another day entered later moves nothing of it: the date it shows is the law's already.
    desk.post("/admin/workdays/calendaroverride/add/",
              {"date": "2027-05-17", "is_working_day": "", "note": "Құрбан айт"})  # fmt: skip
    access.refresh_from_db()
    assert access.due_date == date(2027, 1, 11)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DUE_RECOUNT).exists()
