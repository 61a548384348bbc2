"""A request the person confirms only on its due date or after it is to be answered that day
(compliance L8: the deadline counts from receipt), and the officers are told so when it is
confirmed. They heard of it once, at receipt, when nothing could be done with it; confirmed
late, it waited among the requests waiting for the person until the next day's digest."""

import pytest
from post_office.models import Email

from consent.core.staff import staff_language_choose
from consent.rights.models import Ticket

from .conftest import confirm, web_request

KK_DUE = "2026\xa0жылғы\xa07\xa0желтоқсан"
SUBJECT = {
    "kk": {"late": "№\xa0{ref} өтініш расталды, мерзімі өтіп кеткен: " + KK_DUE,
           "today": "№\xa0{ref} өтініш расталды, мерзімі бүгін: " + KK_DUE},
    "ru": {"late": "Запрос №\xa0{ref} подтверждён, уже просрочен, срок: 7\xa0декабря\xa02026\xa0г.",
           "today": "Запрос №\xa0{ref} подтверждён, срок сегодня: 7\xa0декабря\xa02026\xa0г."},
}  # fmt: skip
SAID = {"kk": {"late": "Мерзімі өтіп кетті: оны бүгін қарастырыңыз.",
               "today": "Оны бүгін қарастырыңыз."},
        "ru": {"late": "Запрос просрочен: займитесь им сегодня.",
               "today": "Займитесь им сегодня."}}  # fmt: skip


def told(officer):
    return list(Email.objects.filter(to=[officer.email]).order_by("id"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("when, which", [("2026-12-08 09:00+05:00", "late"),
                                         ("2026-12-07 16:00+05:00", "today")])  # fmt: skip
def test_the_officers_are_told_of_a_request_confirmed_on_or_after_its_due_date(
    client, person, privacy_officer, time_machine, lang, when, which
):
    """A block sent on Friday evening, 4 December at 23:30 in Almaty, due on Monday 7, the
    person confirms on Monday afternoon, or on Tuesday morning."""
    staff_language_choose(user=privacy_officer, language=lang)
    time_machine.move_to("2026-12-04 23:30+05:00", tick=False)
    web_request(client, "ru", "block")
    ticket = Ticket.objects.get()
    assert ticket.due_date.isoformat() == "2026-12-07"
    received = len(told(privacy_officer))  # the notice of its arrival
    time_machine.move_to(when, tick=False)
    confirm(client, "ru")
    mails = told(privacy_officer)[received:]
    assert [m.subject for m in mails] == [SUBJECT[lang][which].format(ref=ticket.reference)]
    assert SAID[lang][which] in mails[0].message.replace("\n", " ")
    assert "/admin/rights/ticket/" in mails[0].message


def test_a_request_confirmed_in_time_tells_the_officers_nothing_more(
    client, person, privacy_officer, time_machine
):
    time_machine.move_to("2026-12-04 23:30+05:00", tick=False)
    web_request(client, "ru", "block")
    received = len(told(privacy_officer))
    time_machine.move_to("2026-12-05 10:00+05:00", tick=False)  # Saturday: due Monday
    confirm(client, "ru")
    assert len(told(privacy_officer)) == received
