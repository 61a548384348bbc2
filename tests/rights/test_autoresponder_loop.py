"""An auto-responder that names itself in no header (a shop's helpdesk, a hosting panel's
vacation rule) answers every mail we send with the same letter under its own subject line. Each
answer opened an "other" request and was mailed a link or a «nothing held» note, which it
answered again: a request and a mail every run of the intake, for ever (compliance L7). (One
that says it is automatic, «Это автоматическое сообщение, отвечать на него не нужно», asks
nothing and is set aside unanswered: test_automatic_acknowledgements.py.)"""

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import deliver, left, mails_to, message

Status = Ticket.Status
AUTO_REPLY = ("Ваше обращение принято",
              "Здравствуйте! Ваше письмо получено. Мы ответим в течение трёх рабочих дней.\n"
              "Телефон поддержки: 8 800 080 80 80.")  # fmt: skip


def converse(address, numbered, rounds=6):
    """The responder answers each of our mails to `address` with its letter, as it would; a
    helpdesk's numbers each answer."""
    answered, n = 0, 0
    for n in range(rounds):
        ours = mails_to(address)
        if n and len(ours) == answered:
            break  # we wrote nothing new: the responder has nothing to answer
        answered = len(ours)
        number = f"Ваше обращение № {4521 + n} от 0{n + 1}.12.2026 зарегистрировано.\n"
        ingest(message(AUTO_REPLY[0], sender=address, message_id=f"<auto-{n}@x>",
                       body=(number if numbered else "") + AUTO_REPLY[1]))  # fmt: skip
    return n


@pytest.mark.parametrize("numbered", [False, True])
@pytest.mark.parametrize("address", ["asel@example.kz", "support@shop.example.kz"])
def test_an_auto_responder_without_headers_gets_no_mail_in_a_loop(person, address, numbered):
    converse(address, numbered)

    # One request for the officers to read; each later answer kept with it, none lost.
    [opened] = Ticket.objects.open()
    assert opened.email == address
    filed = Ticket.objects.filter(regarding=opened, status=Status.FILED)
    assert filed.exists() and all(AUTO_REPLY[1] in t.message for t in filed)
    # The first letter's answer, and for a person on record one note that it was filed, then
    # nothing more: the responder stops when we stop writing to it.
    assert len(mails_to(address)) <= (2 if address == "asel@example.kz" else 1)


def test_two_different_questions_are_still_two_requests(person):
    ingest(message("Вопрос", message_id="<q1@x>", body="Когда начнётся курс английского?"))
    ingest(message("Вопрос", message_id="<q2@x>", body="Сколько стоит курс немецкого?"))

    assert Ticket.objects.open().count() == 2
    assert Email.objects.filter(to__icontains="asel@example.kz").count() == 2


def test_the_same_question_sent_twice_is_one_request_and_the_person_is_told(person):
    for n in (1, 2):
        ingest(message("Вопрос", message_id=f"<s{n}@x>", body="Когда начнётся курс английского?"))

    [opened] = Ticket.objects.open()
    assert Ticket.objects.get(regarding=opened).status == Status.FILED
    _first, second = mails_to("asel@example.kz")
    assert opened.reference in second.subject
    assert "добавили" in second.message  # «…so we have added the new email to it»


@pytest.mark.live
def test_the_fetch_timer_and_the_responder_stop_after_one_exchange(mailbox, person):
    """As it runs: the responder's answers land in the real mailbox between the timer's runs,
    one for each mail of ours (its first letter answers something we sent before)."""
    sent, to_answer = 0, 1
    for _run in range(5):
        for n in range(sent, sent + to_answer):
            deliver(mailbox, message(AUTO_REPLY[0], message_id=f"<imap-auto-{n}@x>",
                                     body=f"Обращение № {n}.\n{AUTO_REPLY[1]}"))  # fmt: skip
        sent += to_answer
        ours = len(mails_to("asel@example.kz"))
        call_command("fetch_request_mail")
        to_answer = len(mails_to("asel@example.kz")) - ours
    assert left(mailbox) == 0  # each letter taken in and kept
    assert Ticket.objects.open().count() == 1
    assert Ticket.objects.count() == sent == 3  # the first, and the answers to our two mails
    assert len(mails_to("asel@example.kz")) == 2
