"""A letter asking to delete or block data it says are someone else's («чужие данные», «данные
другого человека», «басқа адамның деректері»): the data are not the writer's, and what it asks is
for an officer to read (compliance L7), as «удалите данные моей дочери» is (relatives.py). Read
as the writer's own, «Вы прислали мне чужие данные, удалите их» opened a destruction of the
writer's data, due in one working day, which the letter does not ask for."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Вы прислали мне чужие данные, удалите их.",
    "Вы прислали мне данные другого человека, удалите их.",
    "Удалите чужие данные.",
    "Удалите данные другого человека из моего письма.",
    "Чужие данные у вас в базе, заблокируйте их.",
    "Сіз маған басқа адамның деректерін жібердіңіз, оларды жойыңыз.",
    "Басқа адамның деректерін жойыңыз.",
    "Маған бөтен деректер келді, оларды жойыңыз.",
])  # fmt: skip
def test_someone_elses_data_to_delete_are_for_an_officer(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.OTHER


@pytest.mark.parametrize("body, kind", [
    ("Мои данные у вас в базе, удалите их.", Type.DESTROY),
    ("Удалите мои данные, я перешла к другому оператору.", Type.DESTROY),
    ("Деректерімді жойыңыз, мен басқа қалаға көштім.", Type.DESTROY),
    ("Удалите мои данные и не передавайте их другим лицам.", Type.DESTROY),
])  # fmt: skip
def test_the_writers_own_data_are_still_theirs(person, body, kind):
    assert ingest(message("Сәлем", body=body)).type == kind


@pytest.mark.parametrize("body", [
    "Мне пришло письмо с данными другого человека, удалите их.",
    "Вы просили мои данные? Не удаляйте их.",
    "Данные верные, блокировать их не нужно.",
    "Деректерімді сұрадыңыз ба? Оларды жоймаңыз.",
    "Деректерім дұрыс, оларды бұғаттаудың қажеті жоқ.",
])  # fmt: skip
def test_a_pronoun_opens_no_destruction_the_letter_does_not_ask(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.OTHER
