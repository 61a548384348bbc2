"""English ways of asking that opened "other" (compliance L7, rights.0053): «Delete my account
please» and «Please remove my email from your list», fifteen working days for an officer while
their Russian twins open the request; a question or a negation still asks nothing."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

ASKED = {
    "delete my account": ("Delete my account please", Type.DESTROY),
    "remove my email from your list": ("Please remove my email from your list", Type.UNSUBSCRIBE),
}


@pytest.mark.parametrize("body, kind", ASKED.values(), ids=ASKED)
def test_an_english_request_opens_its_type(person, body, kind):
    assert ingest(message("Hello", body=body)).type == kind


NOT_ASKED = ["Why did you delete my account?", "Please don't delete my account",
             "How do I remove my email from your list?"]  # fmt: skip


@pytest.mark.parametrize("body", NOT_ASKED)
def test_an_english_question_or_negation_asks_nothing(person, body):
    assert ingest(message("Hello", body=body)).type == Type.OTHER  # a guard
    assert untouched(person)
