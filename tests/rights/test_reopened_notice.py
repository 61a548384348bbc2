"""The officers' notice of a request the system reopened, its answer never sent (the person's
data corrected or erased while the letter waited in the outbox: erasure.outbox_copies_delete),
reads the request as reopening left it: open, due by the date counted again then. It read the
request as it was before (closed), so one already past its date was told as «open again and due
on» a day gone, with no word that it was overdue, and one whose date a calendar change had moved
since it was answered was told the old date."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format
from post_office.models import STATUS

from consent.rights.models import Ticket
from tests.rights.test_reopen import officer_on

from .conftest import act, confirm, confirm_link, mails_to, web_request

OVERDUE = {"kk": "мерзімі өтіп кеткен", "ru": "уже просрочен"}


def day(lang, d):
    with translation.override(lang):
        return date_format(d, "DATE_FORMAT").replace("\xa0", " ")


def answered(client, desk, time_machine, lang):
    """Monday 7 December 2026: an access request (three working days: due Thursday 10) is
    carried out, its answer queued, not yet sent (the mail server is slow)."""
    desk = officer_on(desk, "2026-12-07 10:00+05:00", time_machine, lang)
    web_request(client, "ru", "access")
    access = confirm(client, "ru")
    act(desk, access)
    assert mails_to("asel@example.kz")[-1].status == STATUS.queued
    assert access.due_date == date(2026, 12, 10)
    return desk, access


def corrected(client, desk, person, moment, time_machine, lang):
    """At `moment` the person's correction is carried out, before the answer went out: the
    answer holding the old data is withdrawn and the access request reopened."""
    desk = officer_on(desk, moment, time_machine, lang)
    web_request(client, "ru", "correct")
    assert client.post(confirm_link()).status_code == 200
    other = Ticket.objects.get(type=Ticket.Type.CORRECT)
    act(desk, other, full_name=person.full_name, email=person.email, phone="",
        document="Заявление")  # fmt: skip
    return desk


def notice(access):
    [alert] = [m for m in mails_to("olga@example.kz")
               if access.reference in m.subject and "\n" in m.message
               and ("снова открыт" in m.subject or "қайта ашылды" in m.subject)]  # fmt: skip
    return " ".join(alert.message.replace("\xa0", " ").split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_reopened_past_its_due_date_is_told_as_overdue(
    client, desk, person, time_machine, lang
):
    desk, access = answered(client, desk, time_machine, lang)
    # Friday 11 December, the day after its due date: the correction reopens it.
    corrected(client, desk, person, "2026-12-11 10:00+05:00", time_machine, lang)
    access.refresh_from_db()
    assert access.status == Ticket.Status.OPEN and access.is_overdue
    text = notice(access)
    assert OVERDUE[lang] in text and day(lang, date(2026, 12, 10)) in text, text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_reopened_after_a_calendar_change_is_told_its_date_as_counted_again(
    client, desk, person, time_machine, lang
):
    desk, access = answered(client, desk, time_machine, lang)
    # A decree makes Wednesday 9 December a day off: the request answered keeps 10 December,
    # and reopened is due on Friday 11.
    desk.post("/admin/workdays/calendaroverride/add/",
              {"date": "2026-12-09", "is_working_day": "", "note": "decree"})  # fmt: skip
    corrected(client, desk, person, "2026-12-08 10:00+05:00", time_machine, lang)
    access.refresh_from_db()
    assert access.status == Ticket.Status.OPEN and access.due_date == date(2026, 12, 11)
    text = notice(access)
    assert day(lang, date(2026, 12, 11)) in text and day(lang, date(2026, 12, 10)) not in text
