"""The person who confirms a request by its link is mailed a receipt: what they asked, its
number and the law's due date (compliance L8), wholly in their language. The date was on the
page only: a person who closed it had no record of when the answer was due."""

from datetime import date, datetime
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from consent.common.dates import document_time
from consent.rights.deadlines import due_for
from consent.rights.models import Ticket
from tests.live.mail import Inbox
from tests.marketing.test_refused_at_sending import send_through

from .conftest import confirm_link, mails_to, web_request

ALMATY = ZoneInfo("Asia/Almaty")
THANKS = {"kk": "расталды", "ru": "подтверждён"}


def receipt(client, lang, kind):
    """Asel sends `kind` in `lang` and confirms it: the request and the mail after the link's."""
    assert web_request(client, lang, kind).status_code == 302
    path = confirm_link()
    before = len(mails_to("asel@example.kz"))
    assert client.post(path).status_code == 200
    ticket = Ticket.objects.get()
    mails = mails_to("asel@example.kz")[before:]
    assert len(mails) == 1, [m.subject for m in mails]
    return ticket, mails[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["access", "destroy", "correct", "withdraw", "other"])
def test_a_confirmed_request_is_receipted_by_mail_with_its_due_date(
    client, person, time_machine, lang, kind
):
    """Received at 00:30 on Tuesday 17 November 2026 in Almaty (still Monday in UTC): its
    working days count from the 17th, the local day, by the one rule of due dates."""
    time_machine.move_to(datetime(2026, 11, 17, 0, 30, tzinfo=ALMATY), tick=False)
    ticket, mail = receipt(client, lang, kind)
    assert ticket.due_date == due_for(kind, datetime(2026, 11, 17, 0, 30, tzinfo=ALMATY))
    assert ticket.due_date > date(2026, 11, 17)
    with translation.override(lang):
        due, asked = document_time(ticket.due_date), str(ticket.asked)
    for body in (mail.message, mail.html_message):
        assert ticket.reference in body and asked in body and due in body, body
        assert THANKS[lang] in body
        assert "Thank you" not in body and "We will answer" not in body  # wholly theirs


def test_an_unsubscribe_confirmed_is_answered_once_not_receipted_too(client, person):
    """An unsubscribe is carried out at its link and answered: no receipt promising an answer."""
    _ticket, mail = receipt(client, "kk", "unsubscribe")
    assert THANKS["kk"] not in mail.message


def test_the_receipt_arrives_through_the_mail_server_in_the_persons_language(
    client, person, settings
):
    """Sent by the outbox's sender and the SMTP backend to a server on loopback, as in
    production: it arrives in Russian, under the request's number, with its due date."""
    ticket, _mail = receipt(client, "ru", "access")
    inbox = Inbox()
    send_through(settings, inbox)
    arrived = [message_from_bytes(m.as_bytes(), policy=policy.default) for m in inbox.messages]
    (mail,) = [m for m in arrived if THANKS["ru"] in m.get_body(("plain",)).get_content()]
    with translation.override("ru"):
        due = document_time(ticket.due_date)
    assert ticket.reference in mail["Subject"] and "Ваш запрос" in mail["Subject"]
    assert due in mail.get_body(("plain",)).get_content()
    assert due in mail.get_body(("html",)).get_content()
