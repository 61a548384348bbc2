"""An item of the record told changed, then a bare «Исправьте» (compliance L7; items.py):
«Моя фамилия изменилась. Исправьте, пожалуйста.» opened "other", fifteen working days: the bare
verb of the second sentence, whose item only an item told wrong («В фамилии ошибка.») lent it,
read as a request of something else and undid the item the first named. «Нөмірім өзгерді»
(my number changed, the intransitive verb) named no change at all."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

TOLD = {
    "ru, then a bare «Исправьте»": ("Моя фамилия изменилась. Исправьте, пожалуйста.", "ru"),
    "ru, the new name said": ("Моя фамилия изменилась, теперь я Ахметова. Исправьте пожалуйста",
                              "ru"),
    "kk, changed, then a bare verb": ("Нөмірім өзгерді. Түзетіп беріңізші.", "kk"),
    "kk, has changed": ("Тегім өзгерген, түзетіңіз", "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body, language", TOLD.values(), ids=TOLD)
def test_an_item_told_changed_then_a_bare_verb_asks_the_correction(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (Type.CORRECT, language)
    assert untouched(person)


ASKED = {
    "kk, did it change?": "Нөмірім өзгерді ме?",
    "kk, did you change it?": "Сіз нөмірімді өзгерттіңіз бе?",
}


@pytest.mark.parametrize("body", ASKED.values(), ids=ASKED)
def test_asking_whether_an_item_changed_asks_no_correction(person, body):
    assert ingest(message("", body=body)).type != Type.CORRECT
