"""A date in a mail is the long date of its reader's language, as pages and PDFs write it
(consent.common.dates): the officers' notices and digest wrote «17.12.2026», which a reader
used to another order takes for the 12th of May, while the person's mails wrote «17 декабря
2026 г.»; the short date is the desk's and the spreadsheets' only."""

import re
from datetime import date

import pytest
from django.utils import translation
from post_office.models import Email

from consent.common.dates import document_time, reader_time
from consent.core.staff import staff_language_choose
from consent.rights.digest import digest
from consent.rights.tickets import ticket_open, ticket_verify

NUMERIC_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
LONG = {"kk": "2026\xa0жылғы\xa017\xa0желтоқсан", "ru": "17\xa0декабря\xa02026\xa0г."}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_officers_mails_write_the_due_date_in_words(officer, texts, make_subject, time_machine,
                                                    lang):  # fmt: skip
    staff_language_choose(user=officer, language=lang)
    make_subject(email="asel@example.kz")
    # Tuesday 15 December 2026, the eve of Independence Day: due Thursday 17.
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    ticket = ticket_verify(ticket_open(kind="block", email="asel@example.kz", language="ru",
                                       channel="web"))  # fmt: skip
    time_machine.move_to("2026-12-18 09:00+05:00", tick=False)  # a day overdue
    digest(date(2026, 12, 18))
    notice, daily = Email.objects.filter(to=["alice@example.kz"]).order_by("id")
    assert LONG[lang] in notice.subject and LONG[lang] in notice.message
    assert ticket.reference in daily.message and LONG[lang] in daily.message
    for mail in (notice, daily):
        text = mail.subject + mail.message + mail.html_message
        assert not NUMERIC_DATE.search(text)
        assert "г.." not in text  # «г.» ends the Russian date: a sentence's stop is not doubled


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_requests_page_writes_its_due_date_as_the_dates_beside_it(desk, person, lang):
    """The request's page wrote «Received: 15 December 2026, 10:00» above «Due: 17.12.2026»,
    and the person's page the same side by side; the desk's list keeps the short date, a
    column to compare."""
    desk.cookies["django_language"] = lang
    ticket = ticket_verify(ticket_open(kind="block", email="asel@example.kz", language="kk",
                                       channel="web"))  # fmt: skip
    with translation.override(lang):
        written, short = document_time(ticket.due_date), reader_time(ticket.due_date)
    for url in (f"/admin/rights/ticket/{ticket.pk}/change/",
                f"/admin/consent/subject/{person.pk}/change/"):  # fmt: skip
        page = desk.get(url).content.decode()
        assert written in page and short not in page, url
    assert short in desk.get("/admin/rights/ticket/").content.decode()
