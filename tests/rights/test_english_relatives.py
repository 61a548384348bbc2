"""An English letter about a relative (compliance L7): «Stop emailing my son», «Please delete my
daughter's data», «Can you stop emailing my son?» were read as the sender's own request, the
sender's news stopped and their data to be destroyed: the words that name someone else
(relatives.OTHER_PERSON) were Kazakh and Russian only, and an English word was read as a
transliterated one («son» as «сон»). They open "other" for an officer, nothing done to the
sender's data, as their Russian twins do; a course for children is still no one else."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

ABOUT_SOMEONE_ELSE = {
    "son": "Stop emailing my son",
    "daughter's data": "Please delete my daughter's data",
    "asked": "Can you stop emailing my son?",
    "children": "Please stop sending emails to my children",
    "kids": "Delete my kids' personal data",
    "mum": "Please delete my mum's data",
    "mom": "Stop sending emails to my mom",
    "father": "Please erase all my father's data",
    "dad": "Stop emailing my dad",
    "wife": "Please delete my wife's personal data",
    "husband": "Remove my husband from your mailing list",
    "spouse": "Delete my spouse's data",
    "partner": "Please stop emailing my partner",
    "brother": "Stop sending emails to my brother",
    "sister": "Please delete my sister's data",
    "grandma": "Stop emailing my grandma",
    "grandfather": "Please delete my grandfather's data",
    "our child": "Please delete our child's data",
    "his data": "Please delete his data",
    "her personal data": "Please delete her personal data",
    "their data": "Send me a copy of their data",
    "russian twin": "Отпишите моего сына от рассылки",
}


@pytest.mark.parametrize("body", ABOUT_SOMEONE_ELSE.values(), ids=ABOUT_SOMEONE_ELSE)
def test_an_english_letter_about_a_relative_is_for_the_officer(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


OWN = {
    "courses for children": ("Unsubscribe me from the newsletter about courses for children",
                             Type.UNSUBSCRIBE),
    "mother of two": ("I am a mother of two. Please delete my personal data", Type.DESTROY),
    "kids course": ("Stop sending me emails about the kids course", Type.UNSUBSCRIBE),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", OWN.values(), ids=OWN)
def test_a_relative_word_that_names_no_one_leaves_the_senders_own_request(person, body, kind):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)
