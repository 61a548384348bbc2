"""Letters in English (compliance L7): «Please delete my personal data», «I withdraw my
consent», «Stop sending me emails» each opened "other", due in fifteen working days, the right
they asked for named nowhere. They open the request they ask for now, answered in the language
the sender is known to write to us in, or chose for our letters; a negated or asked one names
no request, as in Kazakh and Russian.

A stranger's letter in English was answered in Kazakh, the site's default, the language its
writer is least likely to read. Every mail is wholly in one language, and the site has two: a
letter in another language from a writer who never told us theirs is answered in Russian
(language.OTHER_LANGUAGE; compliance L7). A letter of no words (a file alone) tells nothing:
the default stays."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest, recognise
from consent.rights.models import Ticket

from .conftest import confirm, mails_to, message, untouched

Type = Ticket.Type

ASKS = {
    "delete": ("Data deletion", "Hello,\nplease delete my personal data.\nRegards, Asel",
               Type.DESTROY),
    "erase, no subject line": ("", "Please erase all my data from your database", Type.DESTROY),
    "withdraw": ("Consent", "I withdraw my consent to the processing of my personal data.",
                 Type.WITHDRAW),
    "stop sending": ("", "Stop sending me emails", Type.UNSUBSCRIBE),
    "mailing list": ("Newsletter", "Please remove me from your mailing list. Thanks",
                     Type.UNSUBSCRIBE),
    "access": ("", "Please send me a copy of my personal data", Type.ACCESS),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body,kind", ASKS.values(), ids=ASKS)
def test_a_request_in_english_opens_the_right_it_asks_for(person, subject_line, body, kind):
    ticket = ingest(message(subject_line, body=body))
    assert isinstance(ticket, Ticket)
    assert (ticket.type, ticket.language) == (kind, "kk")


def test_an_english_withdrawal_from_a_russian_writer_is_answered_in_russian(person):
    ingest(message("", message_id="<first@example.kz>", body="Исправьте мой номер телефона"))
    ticket = ingest(message("", message_id="<second@example.kz>",
                            body="I withdraw my consent"))  # fmt: skip
    assert (ticket.type, ticket.language) == (Type.WITHDRAW, "ru")
    assert not gate.may_process(person, SERVICE)  # a withdrawal acts as it arrives


NOT_ASKED = {
    "do not": "Please do not delete my data, I still take the course",
    "don't": "I don't want to withdraw my consent, it was a mistake",
    "never asked": "I never asked you to delete my data",
    "a question": "How can I unsubscribe from the newsletter?",
    "can I": "Can I delete my data?",
}


@pytest.mark.parametrize("body", NOT_ASKED.values(), ids=NOT_ASKED)
def test_an_english_letter_that_does_not_ask_acts_on_nothing(person, body):
    ticket = ingest(message("Question", body=body))
    assert isinstance(ticket, Ticket)
    assert ticket.type in (Type.OTHER, Type.DESTROY, Type.UNSUBSCRIBE) and untouched(person)
    assert ticket.type == Type.OTHER or ticket.asked_whether
    assert gate.may_process(person, MARKETING)


STRANGERS = {
    "delete": ("Data deletion", "Hello, please delete my personal data. Regards", Type.DESTROY),
    "a question": ("Question", "Hello, what personal data do you hold about me?", Type.ACCESS),
    "unsubscribe": ("", "Unsubscribe me please", Type.UNSUBSCRIBE),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body,kind", STRANGERS.values(), ids=STRANGERS)
def test_a_strangers_english_letter_is_answered_wholly_in_russian(db, subject_line, body, kind):
    ticket = ingest(message(subject_line, sender="john@example.kz", body=body))
    assert (ticket.type, ticket.language) == (kind, "ru")
    [mail] = mails_to("john@example.kz")
    assert "Здравствуйте" in mail.message and not set("әғқңөұүһі") & set(mail.message.lower())


def test_an_english_letter_is_answered_in_the_language_its_writer_chose(db, make_subject):
    make_subject(email="dana@example.kz", language="ru")
    ticket = ingest(message("", sender="dana@example.kz", body="Please delete my data"))
    assert (ticket.type, ticket.language) == (Type.DESTROY, "ru")
    make_subject(email="erlan@example.kz", language="kk")
    ticket = ingest(message("", sender="erlan@example.kz", message_id="<m2@x>",
                            body="Please delete my data"))  # fmt: skip
    assert (ticket.type, ticket.language) == (Type.DESTROY, "kk")


def test_a_strangers_letter_of_no_words_keeps_the_sites_language(db):
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Message-ID"] = "john@example.kz", "em.alu.plus@mail.kz", "<f@x>"
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="scan.pdf")
    ticket = ingest(msg.as_bytes())
    assert ticket.language == "kk"


STOPS = ["Please stop emailing me.", "Please don't email me anymore.", "Don't email me",
         "Do not send me any more emails.", "Don't send me emails anymore"]  # fmt: skip


@pytest.mark.parametrize("body", STOPS)
def test_the_ways_english_asks_mail_to_stop_unsubscribe_as_they_arrive(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and ticket.status == "done"
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", ["Why do you not email me?", "I did not ask you to stop "
                                  "emailing me", "Can you not delete my data?"])  # fmt: skip
def test_an_english_stop_asked_about_or_denied_stops_nothing(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.OTHER and untouched(person)


@pytest.mark.parametrize("body, russian", [
    ("Can you stop emailing me?", "Можете ли вы перестать присылать мне письма?"),
    ("Could you please remove me from your mailing list?",
     "Не могли бы вы, пожалуйста, отписать меня от рассылки?"),
    ("Would you stop emailing me, please?", "Вы не могли бы отписать меня от рассылки?"),
])  # fmt: skip
def test_an_english_stop_asked_politely_waits_for_the_link_as_its_russian_twin(
    client, person, body, russian
):
    """«Can you stop emailing me?» opened "other", fifteen working days of news, while its
    Russian twin is an unsubscribe that waits for the person's link (test_asked_politely.py):
    «can/could/would/will you» asks us as «можете ли вы» does (asking.POLITE_ENGLISH)."""
    twin = recognise("", russian)
    assert (recognise("", body).kind, recognise("", body).asked) == (twin.kind, twin.asked)
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, "unverified")
    assert untouched(person)
    confirm(client)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
