"""A writer who gives a first name that is not the one on record is someone else at that address
(compliance L7, about_whom.introduced): a family in Kazakhstan often shares one mailbox. «Меня
зовут Айгерим. Удалите мои данные.» from Әсел Қасымова's address opened a destruction of Әсел's
record, and «…отзываю согласие» withdrew her consents as it arrived: a first name alone has no
surname's form to tell it is a name, but after «меня зовут», «менің атым», «есімім» it is one.
The officer reads whose data it is; the writer's own name, in any spelling, is theirs."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Здравствуйте, меня зовут Айгерим. Удалите мои данные.",
    "Сәлем! Менің атым Айгерим. Деректерімді өшіріңізші, рахмет",
    "Есімім Айгерим. Келісімімді кері қайтарып аламын.",
    "Добрый день! Моё имя Айгерим, отзываю согласие на обработку персональных данных.",
])  # fmt: skip
def test_a_writer_named_otherwise_is_read_by_an_officer(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


@pytest.mark.parametrize("body, kind", [
    ("Здравствуйте, меня зовут Асель. Удалите мои данные.", Type.DESTROY),
    ("Сәлем! Менің атым Әсел. Деректерімді өшіріңізші", Type.DESTROY),
    ("Меня зовут Asel. Отпишите меня от рассылки.", Type.UNSUBSCRIBE),
])  # fmt: skip
def test_the_writer_named_as_on_record_is_the_sender(person, body, kind):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)
