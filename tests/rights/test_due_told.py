"""What the officer is told of a request's due date once an action leaves it to be answered
(compliance L8): a type changed (counted again from receipt for the new type, often days
earlier), a request opened from an email set aside days ago (due from the day it came). The
messages said only «type changed», «request opened», and a date passed showed on the page."""

from datetime import date

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
from tests.staff import verified_login

from .conftest import BAD_MESSAGES, act

SAID = {
    "kk": {"due": "Келіп түскен күнінен бастап есептегенде, оған жауап беру мерзімі\xa0— {}.",
           "overdue": "Келіп түскен күнінен бастап есептегенде, оған жауап беру мерзімі\xa0— {}, "
                      "ол өтіп кетті: оған дереу жауап беріңіз."},
    "ru": {"due": "Считая со дня получения, срок ответа на него\xa0— {}.",
           "overdue": "Считая со дня получения, срок ответа на него\xa0— {}, и\xa0он уже истёк: "
                      "ответьте на него немедленно."},
}  # fmt: skip


def told(page):
    return [(m.level_tag, str(m)) for m in page.context["messages"]]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_officer_is_told_the_due_date_a_new_type_gives(
    desk, privacy_officer, person, time_machine, lang
):
    time_machine.move_to("2026-12-01 10:00+05:00")  # Tuesday
    other = ticket_open(kind="other", email=person.email, language="kk", channel="web")
    assert other.due_date == date(2026, 12, 23)  # 15 working days, Independence Day skipped
    desk.cookies["django_language"] = lang
    page = act(desk, other, "retype", new_type="access")  # 3 working days
    [(level, text)] = told(page)
    assert level == "success" and SAID[lang]["due"].format("04.12.2026") in text
    assert Ticket.objects.get(pk=other.pk).due_date == date(2026, 12, 4)

    time_machine.move_to("2026-12-04 10:00+05:00")  # Friday: three days after receipt
    verified_login(desk, privacy_officer)  # an idle staff session ends after an hour
    late = ticket_open(kind="other", email=person.email, language="ru", channel="web",
                       received_at=other.received_at)  # fmt: skip
    page = act(desk, late, "retype", new_type="destroy")  # 1 working day: 02.12.2026
    [(level, text)] = told(page)
    assert level == "warning" and SAID[lang]["overdue"].format("02.12.2026") in text
    assert Ticket.objects.get(pk=late.pk).is_overdue


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_opened_from_an_email_set_aside_days_ago_is_said_to_be_overdue(
    desk, privacy_officer, person, time_machine, lang
):
    time_machine.move_to("2026-12-01 10:00+05:00")  # Tuesday: the email comes, set aside
    raw, _ = BAD_MESSAGES["bytes not in the declared charset"]
    entry = ingest(raw)
    time_machine.move_to("2026-12-03 10:00+05:00")  # read and opened two days later
    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    form = {"email": person.email, "kind": "destroy", "language": "kk", "message": "Жойыңыз"}
    page = desk.post(f"/admin/rights/quarantinedmessage/{entry.pk}/open/", form, follow=True)
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 12, 2) and ticket.is_overdue
    [(level, text)] = told(page)
    assert level == "warning" and ticket.reference in text
    assert SAID[lang]["overdue"].format("02.12.2026") in text
