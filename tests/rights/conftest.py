"""Shared by the rights desk's tests: a consenting person, and the steps a requester and an
officer take."""

import re
from email.message import EmailMessage

import pytest
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from tests.conftest import aged_token

Type, Status = Ticket.Type, Ticket.Status


@pytest.fixture
def person(texts, make_subject):
    s = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(s, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    return s


def web_request(client, lang, ticket_type, email="asel@example.kz", **extra):
    data = {"token": aged_token(), "type": ticket_type, "email": email, **extra}
    return client.post(f"/{lang}/requests/new/", data)


def mails_to(address):
    return list(Email.objects.filter(to__icontains=address).order_by("id"))


def confirm(client, lang="kk"):
    """Follow the link in the last verification email, as the person would."""
    mail = next(
        m for m in reversed(mails_to("asel@example.kz")) if "/requests/confirm/" in m.message
    )
    path = re.search(r"https?://[^/\s]+(/\S+/requests/confirm/\S+/)", mail.message).group(1)
    assert client.get(path).status_code == 200  # a GET (a link scanner) changes nothing
    assert Ticket.objects.filter(verified_at__isnull=False).count() == 0
    assert client.post(path).status_code == 200
    return Ticket.objects.get()


def act(officer_client, ticket, action="do", **data):
    return officer_client.post(
        f"/admin/rights/ticket/{ticket.pk}/act/", {"desk_action": action, **data}, follow=True
    )


def message(subject, sender="asel@example.kz", message_id="<m1@example.kz>", body="Сәлем"):
    msg = EmailMessage()
    msg["From"] = f"Әсел <{sender}>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject  # non-ASCII: the policy writes it RFC 2047 encoded
    if message_id:
        msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()
