"""The date the person reads is the law's due date, counted from receipt (compliance L8), as
the desk shows it: a request confirmed after that date is told the date has passed, never
promised a later one while the desk shows it overdue. A new letter (a request re-typed late, a
withdrawal opened late) says so too, with an apology: it promised the first working day from
today, a day the desk, the digest and the person's page never showed."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from consent.rights.models import Ticket
from consent.rights.retyping import ticket_reclassify
from consent.rights.tickets import ticket_open
from tests.rights.conftest import confirm_link, mails_to, web_request
from tests.rights.test_selfservice import open_page

ALMATY = ZoneInfo("Asia/Almaty")


def day(lang, d):
    with translation.override(lang):
        return date_format(d, "DATE_FORMAT")


PASSED = {"kk": "Бұл күн өтіп кетті", "ru": "уже прошёл"}
SORRY = {"kk": "кешірім сұраймыз", "ru": "приносим извинения"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_confirmed_after_its_due_date_says_that_date_has_passed(
    client, person, time_machine, lang
):
    """An access request received on Monday 16 November 2026 is due on Thursday 19 (3 working
    days). The person opens the link on Saturday 21: the page names the 19th, as passed."""
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "access")
    path = confirm_link()
    time_machine.move_to(datetime(2026, 11, 21, 10, tzinfo=ALMATY), tick=False)
    for page in (client.get(path), client.post(path)):  # the button, then the thanks
        html = page.content.decode()
        assert day(lang, date(2026, 11, 19)) in html and PASSED[lang] in html, html
        assert SORRY[lang] in html.lower()  # the words of its mails (rights/answer_due.txt)
        assert day(lang, date(2026, 11, 23)) not in html
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 11, 19) and ticket.is_overdue  # as the desk shows it
    # Her own page lists the request, with the same date.
    open_page(client, lang)
    html = client.get(f"/{lang}/my-data/").content.decode()
    assert ticket.reference in html and day(lang, date(2026, 11, 19)) in html
    assert SORRY[lang] in html.lower()
    # Its sentences follow the request's type after a full stop, not a dash before a capital.
    listed = re.search(rf"<li>[^<]*№\xa0{ticket.reference}[^<]*</li>", html).group(0)
    with translation.override(lang):
        kind = str(ticket.get_type_display())
    assert "—" not in listed and f"{kind}. " in listed, listed


def test_a_request_not_yet_due_still_promises_its_due_date(client, person, time_machine):
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    web_request(client, "ru", "access")
    html = client.get(confirm_link()).content.decode()
    assert day("ru", date(2026, 11, 19)) in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_retyped_after_its_new_due_date_says_that_date_has_passed(
    person, time_machine, lang
):
    """An email filed as "other" on Monday 2 November 2026 is re-typed by the officer on Friday
    20 November as a correction, due one working day from receipt: Tuesday 3 November. The
    person's mail names the 3rd as passed, with an apology, as the desk shows it overdue; it
    promised Friday 20, a day no page showed."""
    time_machine.move_to(datetime(2026, 11, 2, 9, tzinfo=ALMATY), tick=False)
    ticket = ticket_open(kind=Ticket.Type.OTHER, email=person.email, language=lang,
                         channel=Ticket.Channel.EMAIL, message="Мекенжайым өзгерді")  # fmt: skip
    time_machine.move_to(datetime(2026, 11, 20, 15, tzinfo=ALMATY), tick=False)
    ticket = ticket_reclassify(ticket, kind=Ticket.Type.CORRECT, actor=None)
    assert ticket.due_date == date(2026, 11, 3) and ticket.is_overdue
    told = mails_to(person.email)[-1]
    for text in (told.message, told.html_message):
        assert day(lang, date(2026, 11, 3)) in text and SORRY[lang] in text.lower(), text
        assert day(lang, date(2026, 11, 20)) not in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_opened_after_its_due_date_says_that_date_has_passed(
    person, time_machine, lang
):
    """A withdrawal mailed on Monday 2 November 2026 and opened on Friday 27 November (read
    after an outage): due in fifteen working days, on Monday 23 November. Its mail says the
    23rd has passed; it promised the 27th."""
    time_machine.move_to(datetime(2026, 11, 27, 11, tzinfo=ALMATY), tick=False)
    ticket = ticket_open(kind=Ticket.Type.WITHDRAW, email=person.email, language=lang,
                         channel=Ticket.Channel.EMAIL, message="Отзываю согласие",
                         received_at=datetime(2026, 11, 2, 9, tzinfo=ALMATY))  # fmt: skip
    assert ticket.due_date == date(2026, 11, 23) and ticket.is_overdue
    told = mails_to(person.email)[-1]
    assert "/requests/confirm/" in told.message
    for text in (told.message, told.html_message):
        assert day(lang, date(2026, 11, 23)) in text and SORRY[lang] in text.lower(), text
        assert day(lang, date(2026, 11, 27)) not in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_on_time_promises_its_due_date(person, time_machine, lang):
    time_machine.move_to(datetime(2026, 11, 2, 9, tzinfo=ALMATY), tick=False)
    ticket_open(kind=Ticket.Type.WITHDRAW, email=person.email, language=lang,
                channel=Ticket.Channel.EMAIL, message="Отзываю согласие")  # fmt: skip
    told = mails_to(person.email)[-1]
    assert day(lang, date(2026, 11, 23)) in told.message and SORRY[lang] not in told.message.lower()
