"""The policy tells people to write «Отзыв согласия» / «Келісімді кері қайтарып алу» in the
subject line, and many write it there and say in the letter which consent they withdraw
(compliance L7, L14, L15). The subject line was read first and alone: a withdrawal of every
consent, carried out as the letter arrived from an address on record, so a person who wrote
«Отзываю согласие на рассылку новостей» lost the answer to their application as well, and once
confirmed, their data. The letter's own words name what it withdraws."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message


@pytest.mark.parametrize(
    "subject_line,body",
    [
        ("Отзыв согласия", "Здравствуйте. Отзываю согласие на рассылку новостей."),
        ("Отзыв согласия", "Добрый день! Отпишите меня от рассылки, пожалуйста."),
        ("Келісімді кері қайтарып алу", "Сәлеметсіз бе! Жаңалықтардан бас тартамын."),
    ],
)
def test_a_withdrawal_in_the_subject_line_is_the_one_the_letter_names(person, subject_line, body):
    ticket = ingest(message(subject_line, body=body))
    assert not gate.may_process(person, MARKETING)  # stopped as it arrived, as asked
    assert gate.may_process(person, SERVICE)  # the rest stands
    assert ticket.type == Ticket.Type.UNSUBSCRIBE or (
        ticket.type == Ticket.Type.WITHDRAW and ticket.purpose == MARKETING
    )


def test_a_letter_that_names_no_consent_withdraws_every_one(person):
    ticket = ingest(message("Отзыв согласия", body="Здравствуйте. Прошу принять мой отзыв."))
    assert (ticket.type, ticket.purpose) == (Ticket.Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


def test_a_letter_that_withdraws_every_consent_in_its_words_too_withdraws_every_one(person):
    body = "Отзываю согласие на рассылку. И вообще отзываю согласие на обработку моих данных."
    ticket = ingest(message("Отзыв согласия", body=body))
    assert ticket.type == Ticket.Type.WITHDRAW and ticket.purpose == ""
    assert not gate.may_process(person, SERVICE)
