"""The due date and the link's end the thank-you page gives after a request are the ones the
request keeps and its receipt mail gives, whatever the hour it is sent: late in the evening in
Almaty (still the afternoon in UTC), on a Friday before the Nauryz holidays, at the last instant
of a day whose page is made after midnight."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from consent.common.dates import document_time
from consent.rights.models import Ticket
from forms_app import views
from tests.forms.test_thanks_dates import thanks_after

from .conftest import confirm_link, mails_to, web_request

ALMATY = ZoneInfo("Asia/Almaty")


def said(lang, moment):
    """`moment` as the page and the mail write it, read as plain text."""
    with translation.override(lang):
        return document_time(moment).replace("\xa0", " ")


def receipt(client):
    before = len(mails_to("asel@example.kz"))
    client.post(confirm_link())
    mails = mails_to("asel@example.kz")[before:]
    assert len(mails) == 1, [m.subject for m in mails]
    return mails[0].message.replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["correct", "access", "withdraw"])
def test_a_request_sent_late_on_a_friday_before_nauryz_reads_one_due_date(
    client, person, time_machine, lang, kind
):
    """Friday 19 March 2027 at 23:30 in Almaty, 18:30 UTC; 21-23 March are holidays."""
    time_machine.move_to(datetime(2027, 3, 19, 23, 30, tzinfo=ALMATY), tick=False)
    shown = thanks_after(client, web_request(client, lang, kind))
    ticket = Ticket.objects.get()
    assert ticket.due_date > date(2027, 3, 23)
    assert said(lang, ticket.due_date) in shown
    assert said(lang, ticket.link_sent_at + Ticket.CONFIRM_WITHIN) in shown
    assert said(lang, ticket.due_date) in receipt(client)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_sent_at_the_last_instant_of_a_day_reads_the_day_it_was_received(
    client, person, time_machine, monkeypatch, lang
):
    """Sent at 23:59:59.999 on Thursday 10 December 2026 and received then, its page made half
    a second later, on Friday: a correction (one working day) is due on Friday 11th, not on
    Monday 14th, and its link works until Thursday 17th, as the page must say."""
    time_machine.move_to(datetime(2026, 12, 10, 23, 59, 59, 999000, tzinfo=ALMATY), tick=False)
    opened = views.ticket_open

    def slow_open(**fields):
        ticket = opened(**fields)
        time_machine.move_to(datetime(2026, 12, 11, 0, 0, 0, 500000, tzinfo=ALMATY), tick=False)
        return ticket

    monkeypatch.setattr(views, "ticket_open", slow_open)
    shown = thanks_after(client, web_request(client, lang, "correct"))
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 12, 11)
    assert said(lang, ticket.due_date) in shown and said(lang, date(2026, 12, 14)) not in shown
    assert said(lang, datetime(2026, 12, 17, 23, 59, tzinfo=ALMATY)) in shown
