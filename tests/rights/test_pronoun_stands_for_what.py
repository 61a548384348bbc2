"""A pronoun after the verb stands for the data only when the data are what the letter named last
before it (pronouns.py): «Мои данные обрабатываются незаконно, заблокируйте их» blocks them. When
other things are named between, «их», «оларды» stand for those: «Данные мои правильные, но
заявки задвоились, удалите их» asks to delete the duplicate applications, and opened a
destruction of every piece of the person's data, due in one working day, which the letter does
not ask for (compliance L7)."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

Type = Ticket.Type


@pytest.mark.parametrize("body", [
    "Данные мои правильные, но заявки задвоились, удалите их.",
    "Данные я исправила, старые записи удалите их.",
    "Деректерім дұрыс, ескі өтінімдер қалды, оларды жойыңыз.",
    "Деректерімді қалдырыңыз, ескі суреттерді, оларды жойыңыз.",
])  # fmt: skip
def test_a_pronoun_after_other_things_named_destroys_no_data(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.OTHER


@pytest.mark.parametrize("body, kind", [
    ("Мои данные у вас в базе, удалите их.", Type.DESTROY),
    ("Мои данные обрабатываются незаконно, прошу их заблокировать.", Type.BLOCK),
    ("Мои данные обрабатываются незаконно. Заблокируйте их.", Type.BLOCK),
    ("Если мои данные у вас есть, удалите их.", Type.DESTROY),
    ("Деректерім заңсыз өңделуде, оларды бұғаттаңыз.", Type.BLOCK),
    ("Деректерім сізде бар. Оларды жойыңыз.", Type.DESTROY),
])  # fmt: skip
def test_a_pronoun_right_after_the_data_stands_for_them(person, body, kind):
    assert ingest(message("Сәлем", body=body)).type == kind
