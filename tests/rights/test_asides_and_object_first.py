"""Words between a verb and its object, and the object before its verb (compliance L7).

An aside in commas, politeness, haste, a day or the reader's name, stood as a clause of its
own between a verb and its object: «Блокировку данных, пожалуйста, не снимайте» opened a block,
the «не» beside «снимайте» unread in another clause, and «Удалите, если можно, мои данные» asked
nothing, its «если» supposing the data. An aside is no clause now (sentences.ASIDE).

The object first was matched only before an imperative or an infinitive: «Согласие отзываю»
(the first person, as it is done) asked nothing, nor «Рассылку больше не хочу получать» (a
phrase of more than two words). Now it is (word_order.ASKED_VERB, word_order.moved).

A block lifted, told in the past («Блокировку данных сняли»), opened a block: the past of a
block's verb reports too (phrases.REPORTED).

Each request has its twins, negated, questioned and told in the past: they open nothing. (A
question of whether or how the writer can is a request of its kind, whether.py: not a twin.)"""

import pytest

from consent.rights.intake import classify
from consent.rights.models import Ticket

Type = Ticket.Type

# (asked, its kind, negated, questioned, told in the past)
ROWS = {
    "ru, please": (
        "Удалите, пожалуйста, мои данные", Type.DESTROY,
        "Мои данные, пожалуйста, не удаляйте",
        "Когда, скажите, удалят мои данные?",
        "Мои данные вы, к сожалению, уже удалили",
    ),
    "ru, if possible": (
        "Удалите, если можно, мои данные", Type.DESTROY,
        "Не удаляйте, если можно, мои данные",
        "Зачем, скажите, удалять мои данные?",
        "Мои данные, если честно, уже удалили",
    ),
    "ru, as soon as possible": (
        "Удалите, как можно скорее, мои данные", Type.DESTROY,
        "Мои данные, как можно скорее, не удаляйте",
        "Когда, срочно, удалите мои данные?",
        "Мои данные, срочно, удалили",
    ),
    "ru, block lifted, object first": (
        "Блокировку данных, пожалуйста, снимите", Type.UNBLOCK,
        "Блокировку данных, пожалуйста, не снимайте",
        "Блокировку данных, пожалуйста, сняли?",
        "Блокировку данных, срочно, сняли",
    ),
    "ru, unsubscribe": (
        "Отпишите меня, пожалуйста, от рассылки", Type.UNSUBSCRIBE,
        "Не отписывайте меня, пожалуйста, от рассылки",
        "Как, подскажите, отписаться от рассылки?",
        "Меня, к счастью, отписали от рассылки",
    ),
    "kk, please": (
        "Деректерімді, өтінемін, жойыңыз", Type.DESTROY,
        "Деректерімді, өтінемін, жоймаңыз",
        "Деректерімді, өтінемін, қашан жоясыздар?",
        "Деректерімді, бүгін, жойдыңыздар",
    ),
    "kk, today": (
        "Деректерімді, бүгін, жойыңыз", Type.DESTROY,
        "Деректерімді, бүгін, жоймаңыз",
        "Деректерімді, өтінемін, неге жойдыңыздар?",
        "Деректерімді, өтінемін, жойдыңыздар ма",
    ),
    "ru, withdrawal, object first": (
        "Согласие отзываю", Type.WITHDRAW,
        "Согласие не отзываю",
        "Согласие отзываю?",
        "Согласие я уже отозвала",
    ),
    "ru, asked for, object first": (
        "Данные мои прошу удалить", Type.DESTROY,
        "Данные мои прошу не удалять",
        "Данные мои удалены?",
        "Данные мои вы удалили",
    ),
    "ru, not wanted, object first": (
        "Рассылку больше не хочу получать", Type.UNSUBSCRIBE,
        "Рассылку хочу получать и дальше",
        "Рассылку больше не хотите получать?",
        "Рассылку раньше не хотела получать",
    ),
    "ru, one consent, verb last": (
        "Согласие на рассылку отзываю", Type.UNSUBSCRIBE,
        "Согласие на рассылку не отзываю",
        "Согласие на рассылку кто отозвал?",
        "Согласие на рассылку я отозвала вчера",
    ),
    "ru, declined, object first": (
        "От рассылки отказываюсь", Type.UNSUBSCRIBE,
        "От рассылки не отказываюсь",
        "От рассылки зачем отказываться?",
        "От рассылки я уже отказалась",
    ),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", [row[:2] for row in ROWS.values()], ids=ROWS)
def test_a_request_with_an_aside_or_its_object_first_is_read(db, body, kind):
    assert classify("", body)[0] == kind


TWINS = {
    f"{name}, {how}": (row[at], row[1])
    for name, row in ROWS.items()
    for at, how in ((2, "negated"), (3, "questioned"), (4, "past"))
}


@pytest.mark.parametrize("body, kind", TWINS.values(), ids=TWINS)
def test_its_negated_questioned_or_past_twin_opens_nothing(db, body, kind):
    """Not the request; a question whether it was done («Данные мои удалены?») asks what is
    held now, an access request (own_questions.py)."""
    assert classify("", body)[0] in {Type.OTHER, Type.ACCESS} - {kind}
