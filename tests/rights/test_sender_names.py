"""A sender's name as mail programs write it, without the quotes RFC 5322 asks for around a
comma («Иванов, Иван <ivan@example.kz>»: Outlook's «Last, First», 1C, many phones): the letter
comes from that one address and opens its request, answered there. Two addresses are still two
senders, set aside for the officers."""

import pytest
from django.core.management import call_command

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import deliver, left, mails_to, raw

SUBJECT = (
    "Subject: =?utf-8?B?"
    + "0J7QsdC90L7QstC70LXQvdC40LUg0L/QtdGA0YHQvtC90LDQu9GM0L3Ri9GFINC00LDQvdC90YvRhQ=="
    + "?="
)
TEXT = b"Content-Type: text/plain; charset=utf-8"

NAMES = {
    "a comma, in Cyrillic": "Иванов, Иван <ivan@example.kz>",
    "a comma, in Latin letters": "Ivanov, Ivan <ivan@example.kz>",
    "a comma and a title": "Иванов И.И., менеджер <ivan@example.kz>",
    "a comma in a comment": "ivan@example.kz (Иванов, Иван)",
    "a semicolon": "Иванов; отдел кадров <ivan@example.kz>",
    "the address as the name": "ivan@example.kz <ivan@example.kz>",
    "the address as the name, in capitals": "IVAN@EXAMPLE.KZ <ivan@example.kz>",
}


def letter(sender, message_id="<name@x>"):
    return raw(f"From: {sender}".encode(), SUBJECT.encode(), f"Message-ID: {message_id}".encode(),
               TEXT, b"Content-Transfer-Encoding: 8bit", body="Здравствуйте".encode())  # fmt: skip


@pytest.mark.parametrize("sender", NAMES.values(), ids=NAMES.keys())
def test_a_name_with_a_comma_is_read_as_the_name_of_one_sender(make_subject, texts, sender):
    make_subject(full_name="Иван Иванов", email="ivan@example.kz")
    ticket = ingest(letter(sender))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.email, ticket.language) == ("correct", "ivan@example.kz", "ru")
    assert "/requests/confirm/" in mails_to("ivan@example.kz")[0].message


TWO = {
    "two addresses": "ivan@example.kz, asel@example.kz",
    "a name and two addresses": "Иванов, Иван <ivan@example.kz>, <asel@example.kz>",
    "an address in the name": "asel@example.kz, Иван <ivan@example.kz>",
    "another address as the name": "asel@example.kz <ivan@example.kz>",
}


@pytest.mark.parametrize("sender", TWO.values(), ids=TWO.keys())
def test_two_addresses_are_still_two_senders(db, texts, sender):
    entry = ingest(letter(sender))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "no_sender"


@pytest.mark.live
def test_fetched_from_the_mailbox(mailbox, make_subject, texts):
    make_subject(full_name="Иван Иванов", email="ivan@example.kz")
    deliver(mailbox, letter(NAMES["a comma, in Cyrillic"]))
    call_command("fetch_request_mail")
    assert Ticket.objects.get().email == "ivan@example.kz"
    assert left(mailbox) == 0
