"""The same request mailed twice or three times (a mail program sending it again, a person who
heard nothing yet) while the first is open joins the first: one request for the officers, one
deadline counted from the first letter, every letter kept with it, and the person told once a
day at most, in the language they wrote in."""

import pytest
from django.core.management import call_command
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import confirm_link, deliver, left, mails_to, message, web_request

Type, Status = Ticket.Type, Ticket.Status
CORRECT_RU = "Обновление персональных данных"
CORRECT_KK = "Жеке деректерді жаңарту"
WITHDRAW_RU = "Отзыв согласия на обработку персональных данных"


def letters(subject, count, **kwargs):
    return [ingest(message(subject, message_id=f"<again-{n}@x>", **kwargs)) for n in range(count)]


def test_the_same_request_three_times_is_one_request(person, officer, time_machine):
    time_machine.move_to("2026-12-02 10:00+05:00", tick=False)
    first, second, third = letters(CORRECT_RU, 3, body="Прошу исправить фамилию")
    assert Ticket.objects.open().count() == 1 and first.is_open
    for again in (second, third):
        assert again.regarding == first and again.status == Status.FILED
        assert again.message == first.message  # each letter is kept with the request
    first.refresh_from_db()
    assert first.is_waiting and first.due_date == second.due_date
    # The person: the first letter's link, then one mail saying the letter joined R-n, in
    # Russian as they wrote; not a third mail the same day.
    sent = mails_to("asel@example.kz")
    assert len(sent) == 2
    assert first.reference in sent[1].subject and "Запрос" in sent[1].message
    assert "/requests/confirm/" in sent[1].message  # it still waits for them: the link again
    # The officers hear of every letter, each named as added to the first.
    assert Email.objects.filter(subject__contains=first.reference).exclude(
        to=["asel@example.kz"]).count() == 3  # fmt: skip
    # A day later a fourth letter is answered again.
    time_machine.move_to("2026-12-03 11:00+05:00", tick=False)
    fourth = ingest(message(CORRECT_RU, message_id="<again-4@x>"))
    assert fourth.regarding == first and len(mails_to("asel@example.kz")) == 3


def test_the_answer_is_in_the_language_of_the_repeated_letter(person):
    first = ingest(message(CORRECT_RU, message_id="<ru@x>"))
    again = ingest(message(CORRECT_KK, message_id="<kk@x>"))
    assert again.regarding == first and again.language == "kk"
    answer = mails_to("asel@example.kz")[-1]
    assert "өтініш" in answer.message and "Запрос" not in answer.message
    assert "/kk/requests/confirm/" in answer.message


def test_the_link_in_the_answer_confirms_the_first_request(client, person):
    first, _again = letters(CORRECT_RU, 2)
    assert client.post(confirm_link()).status_code == 200
    first.refresh_from_db()
    assert first.status == Status.OPEN and Ticket.objects.open().count() == 1


def test_a_confirmed_request_asked_again_is_answered_without_a_link(client, person):
    first = ingest(message(CORRECT_RU, message_id="<first@x>"))
    client.post(confirm_link())
    again = ingest(message(CORRECT_RU, message_id="<again@x>"))
    assert again.regarding_id == first.pk
    answer = mails_to("asel@example.kz")[-1]
    assert "/requests/confirm/" not in answer.message and first.reference in answer.message


def test_another_type_or_a_closed_request_opens_a_request_of_its_own(person):
    correct = ingest(message(CORRECT_RU, message_id="<c@x>"))
    withdraw = ingest(message(WITHDRAW_RU, message_id="<w@x>"))
    assert withdraw.is_open and withdraw.regarding is None
    Ticket.objects.filter(pk=correct.pk).update(status=Status.DONE)
    later = ingest(message(CORRECT_RU, message_id="<c2@x>"))
    assert later.is_open and later.regarding is None


def test_another_person_s_same_request_is_theirs(person, make_subject):
    make_subject(email="dana@example.kz")
    ingest(message(CORRECT_RU, message_id="<a@x>"))
    dana = ingest(message(CORRECT_RU, sender="dana@example.kz", message_id="<d@x>"))
    assert dana.is_open and dana.regarding is None


def test_questions_are_never_joined(person):
    """Two questions are two requests; the same letter again is not two (an auto-responder's:
    test_autoresponder_loop.py)."""
    ingest(message("Вопрос о курсах", message_id="<q-1@x>", body="Когда начало курса?"))
    ingest(message("Вопрос о курсах", message_id="<q-2@x>", body="Сколько стоит курс?"))
    assert Ticket.objects.open().count() == 2


def test_a_withdrawal_repeated_stops_a_consent_given_since(person, texts):
    """The first withdrawal stopped processing; the person consented again by a form; the
    withdrawal mailed again joins the first and stops it again as it arrives."""
    first = ingest(message(WITHDRAW_RU, message_id="<w1@x>"))
    assert not gate.may_process(person, SERVICE)
    consent_grant(person, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    again = ingest(message(WITHDRAW_RU, message_id="<w2@x>"))
    assert again.regarding == first
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


def test_an_unsubscribe_mailed_while_one_from_the_web_waits_is_done_at_once(client, person):
    """The web form's unsubscribe waits for its link; the one mailed from the address on record
    stops the news as it arrives, as every emailed unsubscribe does (compliance L15)."""
    web_request(client, "ru", Type.UNSUBSCRIBE)
    mailed = ingest(message("Отказ от рассылки", message_id="<u@x>"))
    assert mailed.status == Status.DONE and mailed.regarding is None
    assert not gate.may_process(person, MARKETING)


def test_a_stranger_s_repeated_letters_are_joined_and_not_answered_again(db, texts):
    """No one on record holds the address: the first letter is told no data is held; the
    second joins it, and nothing more is mailed to an address no one has shown is theirs."""
    first, again = letters(CORRECT_RU, 2, sender="stranger@example.kz")
    assert again.regarding == first
    assert len(mails_to("stranger@example.kz")) == 1


def test_a_stranger_writing_their_address_in_another_case_is_one_sender(db, texts):
    """A phone capitalises the address's first letter in one letter and not in the next: the
    same mailbox (an address is looked up ignoring case), so the second letter joins the first
    and is not told again that no data is held."""
    first = ingest(message(CORRECT_RU, sender="Stranger@example.kz", message_id="<s1@x>"))
    again = ingest(message(CORRECT_RU, sender="stranger@EXAMPLE.kz", message_id="<s2@x>"))
    assert again.regarding == first and Ticket.objects.open().count() == 1
    assert len(mails_to("stranger@example.kz")) == 1  # either spelling


@pytest.mark.live
def test_the_same_letter_sent_again_through_the_mailbox(mailbox, person):
    """A phone mail program sends the request again a minute later, as a new letter."""
    deliver(mailbox, message(CORRECT_KK, message_id="<phone-1@x>"))
    deliver(mailbox, message(CORRECT_KK, message_id="<phone-2@x>", body="Сәлем!"))
    call_command("fetch_request_mail")
    assert Ticket.objects.open().count() == 1 and Ticket.objects.count() == 2
    assert len(mails_to("asel@example.kz")) == 2 and left(mailbox) == 0
