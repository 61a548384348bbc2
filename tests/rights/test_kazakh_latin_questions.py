"""A question of what is held about the writer, in Kazakh written in Latin letters (compliance
L7): «Men turaly qandai derekter saqtalğan?», «Sizderde men turaly qandai mälimetter bar?». Their
Cyrillic twins open access, due in the law's days; these opened "other", fifteen working days
for an officer: «men» (I) and «bar» (there is) were kept as the English words, so the question
named no one's own data and «bar» no phrase (spelling.ENGLISH)."""

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

ASKED = [
    "Sälemetsiz be! Men turaly qandai derekter saqtalğan?",
    "Sizderde men turaly qandai mälimetter bar?",
    "Sizderde men turaly qandai aqparat bar?",
    "Men turaly qandai malimetter bar? Kóshirmesin jiberińiz.",  # the 2018 alphabet
]


@pytest.mark.parametrize("body", ASKED)
def test_a_latin_kazakh_question_of_what_is_held_opens_access_answered_in_kazakh(person, body):
    ticket = ingest(message("Derekter", body=body))
    assert ticket.type == Ticket.Type.ACCESS and ticket.language == "kk"
    [mail] = Email.objects.all()
    assert "өтінішіңізді растаңыз" in mail.subject and "Здравствуйте" not in mail.message
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Ol turaly qandai derekter bar?",  # about him
    "Men bar bolğany kurs turaly suradym.",  # «men» and «bar» in a letter that asks no access
])  # fmt: skip
def test_a_question_not_of_the_writers_own_data_opens_no_access(person, body):
    assert ingest(message("Derekter", body=body)).type != Ticket.Type.ACCESS
