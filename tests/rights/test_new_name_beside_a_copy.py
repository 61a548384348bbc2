"""The new surname a correction asks for is the writer's, also when the correction is asked
beside a copy of the data (compliance L7, intake.recognise): «Пришлите копию моих данных и
исправьте фамилию на Петрова» opened «other» marked about someone else, «Петрова» read as a
person the letter is about, and the officer was told so. It opens the copy, the correction
listed beside it."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type


@pytest.mark.parametrize("body, language", [
    ("Пришлите копию моих данных и исправьте фамилию на Петрова.", "ru"),
    ("Какие мои данные у вас хранятся? И исправьте фамилию: теперь я Петрова.", "ru"),
    ("Деректерімнің көшірмесін жіберіңіз және тегімді Петрова деп түзетіңіз.", "kk"),
])  # fmt: skip
def test_a_copy_and_a_new_surname_open_the_copy_with_the_correction(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language, ticket.about_someone_else) == (
        Type.ACCESS, language, False)  # fmt: skip
    assert ticket.limits == {"also": [Type.CORRECT]} and untouched(person)


def test_a_copy_of_someone_elses_data_is_still_someone_elses(person):
    ticket = ingest(message("", body="Пришлите копию данных Ерлана Асқарова."))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
