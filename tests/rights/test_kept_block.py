"""A letter that asks to keep a block, or names the unsubscribe by a verb of two senses beside
another right (compliance L7, L15).

«Блокировку данных не снимайте» asks to keep the block, nothing new: it opened a block, for the
block phrase «блокировку данных» was matched and the negated unblock («не снимайте», a form no
phrase named) was not. An unblock named only to deny it now claims its words
(word_order.kept; migration 0039), in either word order and in Kazakh with the verb negated.

«Отпишите» is also "write back" (phrases.OTHER_SENSE): joined by «и» to another right it is the
unsubscribe, which stops the news as the letter arrives beside the right it opens."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type

KEPT = {
    "ru, object first": "Блокировку данных не снимайте",
    "ru, object first, short": "Блокировку не снимайте",
    "ru, with whose data": "Блокировку с моих данных не снимайте",
    "ru, verb first": "Не снимайте блокировку данных",
    "ru, not needed": "Не надо снимать блокировку с моих данных",
    "kk, verb negated": "Деректерімді бұғаттаудан шығармаңыз",
    "kk, block kept": "Бұғаттауды алмаңыз",
    "kk, whose block": "Деректерімнің бұғаттауын алып тастамаңыз",
}  # fmt: skip


@pytest.mark.parametrize("body", KEPT.values(), ids=KEPT)
def test_asking_to_keep_a_block_opens_neither_a_block_nor_its_end(db, body):
    assert classify("", body)[0] not in (Type.BLOCK, Type.UNBLOCK)


def test_a_kept_block_changes_nothing_on_arrival(person):
    ticket = ingest(message("Блокировка", body="Блокировку данных не снимайте"))
    assert ticket.type == Type.OTHER and untouched(person)


LIFTED = {
    "ru, object first": "Блокировку данных снимите",
    "ru, imperfective": "Снимайте блокировку, пожалуйста",
    "ru, object first, imperfective": "Блокировку данных снимайте",
    "kk, lift": "Бұғаттауды алыңыз",
    "kk, release": "Деректерімді бұғаттаудан шығарыңыз",
}  # fmt: skip


@pytest.mark.parametrize("body", LIFTED.values(), ids=LIFTED)
def test_asking_to_lift_a_block_in_either_order_is_an_unblock(db, body):
    assert classify("", body)[0] == Type.UNBLOCK


JOINED = {
    "ru, unsubscribe first": ("Отпишите и удалите мои данные", Type.DESTROY),
    "ru, unsubscribe last": ("Удалите мои данные и отпишите", Type.DESTROY),
    "ru, with a block": ("Отпишите и заблокируйте мои данные", Type.BLOCK),
    "ru, comma": ("Отпишите, пожалуйста, и удалите мои данные", Type.DESTROY),
    "kk, unsubscribe first": ("Жазылымнан шығарыңыз және деректерімді жойыңыз", Type.DESTROY),
    "kk, unsubscribe last": ("Деректерімді жойыңыз және жазылымнан шығарыңыз", Type.DESTROY),
    "kk, with a block": ("Тізімнен шығарып, деректерімді бұғаттаңыз", Type.BLOCK),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", JOINED.values(), ids=JOINED)
def test_an_unsubscribe_joined_to_another_right_stops_the_news_as_it_arrives(person, body, kind):
    ticket = ingest(message("", body=body))
    assert ticket.type == kind
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_write_back_to_me_beside_a_right_is_no_unsubscribe(person):
    ticket = ingest(message("", body="Отпишите мне и удалите мои данные"))
    assert ticket.type == Type.DESTROY and gate.may_process(person, MARKETING)
