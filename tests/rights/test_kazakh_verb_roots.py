"""A Kazakh verb is made from a word by a suffix («толық», full, «толықтыру», to supplement), and
the word alone was read as the verb: «Деректерімді толық жойыңыз» (delete my data completely)
opened a correction, a request to supplement the data, listing the destruction beside it as a
second request, and the person was mailed a link to confirm a correction they never asked for."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

Type = Ticket.Type


@pytest.mark.parametrize("subject_line, body, kind", [
    ("", "Сәлеметсіз бе! Деректерімді толық жойыңыз.", Type.DESTROY),
    ("Өтініш", "Барлық деректерімді толық өшіріп тастаңыз, рахмет.", Type.DESTROY),
    ("", "Менің деректерімді базадан толық жойыңыздар.", Type.DESTROY),
    # the verb itself still asks what it asks
    ("", "Деректерімді толықтыруды сұраймын: жаңа телефон нөмірім +7 701 765 43 21.", Type.CORRECT),
])  # fmt: skip
def test_a_word_is_not_the_verb_made_from_it(person, subject_line, body, kind):
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language, ticket.limits) == (kind, "kk", {})
    [mail] = mails_to("asel@example.kz")
    named = {Type.DESTROY: "(деректерді жою)", Type.CORRECT: "(деректерді түзету немесе жаңарту)"}
    assert named[kind] in mail.message
