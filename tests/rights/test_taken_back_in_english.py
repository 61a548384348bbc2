"""A letter in English that takes back an earlier request (compliance L7, taken_back.py):
«Please cancel my request», «I changed my mind». Read as no taking back, «I changed my mind,
please cancel my request» under «Re: Delete my data» opened a destruction and mailed its link,
«Changed my mind, please keep me subscribed» under «Re: Unsubscribe» unsubscribed, and the rest
opened "other" naming no request. Each opens "other" about the person's request of that type,
nothing done as it arrives, as the Russian and Kazakh ones do."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type

# (the earlier request's subject line and words, this letter's, the type it takes back)
TAKING_BACK = {
    "cancel my request": (("Delete my data", "Please delete my data"), "Re: Delete my data",
                          "Please cancel my request", Type.DESTROY),
    "changed my mind": (("Delete my data", "Please delete my data"), "Re: Delete my data",
                        "I changed my mind", Type.DESTROY),
    "changed mind, cancel": (("Delete my data", "Please delete my data"), "Re: Delete my data",
                             "I changed my mind, please cancel my request", Type.DESTROY),
    "cancel the deletion request": (("Delete my data", "Please delete my data"), "Hello",
                                    "Please cancel my deletion request", Type.DESTROY),
    "ignore my request to delete": (("Delete my data", "Please delete my data"), "Hello",
                                    "Never mind, please ignore my request to delete my data",
                                    Type.DESTROY),
    "don't delete, changed my mind": (("Delete my data", "Please delete my data"), "Hello",
                                      "Please don't delete my data, I changed my mind",
                                      Type.DESTROY),
    "changed mind about deleting": (("Delete my data", "Please delete my data"), "Hello",
                                    "Hi, I have changed my mind about deleting my account.",
                                    Type.DESTROY),
    "disregard my previous email": (("Delete my data", "Please delete my data"), "Hello",
                                    "Please disregard my previous email", ""),
    "cancel the withdrawal": (("Withdraw consent", "I withdraw my consent"), "Hello",
                              "Please cancel the withdrawal of my consent", Type.WITHDRAW),
}  # fmt: skip


@pytest.mark.parametrize("earlier, subject_line, body, kind", TAKING_BACK.values(), ids=TAKING_BACK)
def test_an_english_letter_taking_back_a_request_is_about_it(
    person, earlier, subject_line, body, kind
):
    first = ingest(message(earlier[0], body=earlier[1]))
    letter = ingest(message(subject_line, body=body, message_id="<m2@example.kz>"))
    assert (letter.type, letter.limits.get("takes_back")) == (Type.OTHER, kind)
    assert letter.regarding == first and not letter.is_filed
    first.refresh_from_db()
    assert first.status == Ticket.Status.UNVERIFIED


def test_an_unsubscribe_taken_back_in_english_stops_nothing_more(person):
    letter = ingest(message("Re: Unsubscribe", body="Changed my mind — please keep me subscribed"))
    assert (letter.type, letter.limits) == (Type.OTHER, {"takes_back": Type.UNSUBSCRIBE})
    assert untouched(person)


STILL_ASKED = {
    "withdraw my consent": ("I withdraw my consent", Type.WITHDRAW),
    "changed mind, then asks": ("I changed my mind, please delete my data instead", Type.DESTROY),
    # Our mail or the consent as the noun: a cancelling verb there asks (it took back a request).
    "withdraw consent for emails": ("Please withdraw consent for marketing emails.", Type.WITHDRAW),
    "cancel your emails": (
        "Unsubscribe me please, cancel your newsletter emails.",
        Type.UNSUBSCRIBE,
    ),
    "cancel your messages": (
        "Please unsubscribe me and cancel your promotional messages",
        Type.UNSUBSCRIBE,
    ),
}


@pytest.mark.parametrize("body, kind", STILL_ASKED.values(), ids=STILL_ASKED)
def test_an_english_request_beside_such_words_is_still_asked(person, body, kind):
    letter = ingest(message("Hello", body=body))
    assert (letter.type, letter.limits.get("takes_back")) == (kind, None)
