"""«Данное» is «this», not the data (compliance L7): «удалите, пожалуйста, данное письмо»
read as «удалите данные» opened a destruction of the writer's data under a letter about
something else, and its confirmation mail asked them to confirm the destruction of their data.
A stem shared with «данные» is not the same word (word_order.GIVEN, phrases.same_word)."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Вчера отправила вам заявку с ошибкой в имени ребёнка. Удалите, пожалуйста, данное письмо, "
    "правильная заявка ниже.",
    "Добрый день! Удалите данное сообщение из общего чата курса, я ошиблась группой.",
    "Когда начнётся набор на английский?\nУдалите данную переписку после ответа.",
])  # fmt: skip
def test_asking_to_delete_this_letter_opens_no_destruction(person, body):
    ticket = ingest(message("Курсы", body=body))
    assert ticket.type == Type.OTHER and ticket.language == "ru"
    assert untouched(person)


@pytest.mark.parametrize("body, kind, purpose", [
    ("Прошу удалить мои персональные данные, данные мной при регистрации", Type.DESTROY, ""),
    ("Прошу удалить данную информацию обо мне", Type.DESTROY, ""),
    ("Отзываю согласие, данное на рассылку", Type.WITHDRAW, "marketing"),
])  # fmt: skip
def test_the_data_beside_the_word_still_name_the_request(person, body, kind, purpose):
    ticket = ingest(message("Өтініш", body=body))
    assert (ticket.type, ticket.purpose) == (kind, purpose)
