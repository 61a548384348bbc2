"""Letters in English (compliance L7): «Please delete my personal data», «I withdraw my
consent», «Stop sending me emails» each opened "other", due in fifteen working days, the right
they asked for named nowhere. They open the request they ask for now, answered in the language
the sender is known to write to us in (Kazakh, the state language, for a stranger); a negated
or asked one names no request, as in Kazakh and Russian."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

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
