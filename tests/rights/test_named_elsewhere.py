"""Whom a letter's request is about, wherever the letter names them (compliance L7, L14): a name
in an earlier sentence («Пишу за мужа, Ерлана Асқарова. Удалите его данные.», «Это касается
Ерлана Асқарова. Удалите данные.»), a pronoun that refers to that person («Отпишите его»), or a
first name alone in its case («удалите данные Ерлана», «Ерланның деректерін жойыңыз») was not
caught as someone else's request, and acted on the sender's own record. The sender speaking of
herself (a signature, «Меня зовут …», «Я, …», «мои данные») stays her request."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type = Ticket.Type


ELSEWHERE = {
    "ru, a relative named before": "Пишу за мужа, Ерлана Асқарова. Удалите его данные.",
    "ru, a name in the sentence before": "Это письмо касается Ерлана Асқарова. Удалите данные.",
    "ru, a pronoun referring to the name": (
        "Ерлан Асқаров больше не ходит на курсы. Отпишите его от рассылки."
    ),
    "ru, a name on its own line": "Асқаров Ерлан Серікұлы\nПрошу отозвать согласие.",
    "kk, a name before, «оның»": (
        "Ерлан Асқаров біздің курсқа бұдан былай бармайды. Оның деректерін жойыңыз."
    ),
    "kk, a name before, his data": "Бұл хат Ерлан Асқаров туралы. Деректерін жойыңыз.",
    "ru, a first name in the genitive": "Удалите данные Ерлана",
    "ru, a first name that does not decline": "Удалите, пожалуйста, данные Айгерим",
    "ru, a first name in the accusative": "Отпишите Ерлана от рассылки",
    "ru, a woman's first name in the genitive": "Прошу отозвать согласие Анны",
    "kk, a first name in the genitive": "Ерланның деректерін жойыңыз",
    "kk, a first name's genitive, withdraw": "Айгерімнің келісімін қайтарып аламын",
    "kk, a first name in the accusative": "Өтінемін, Ерланды таратылымнан шығарыңыз",
    "kk, a first name in Latin letters": "Erlannyñ derekterin joiyñyz",
    "ru, another introduces himself": "Меня зовут Иван Петров. Удалите мои данные.",
}  # fmt: skip


@pytest.mark.parametrize("body", ELSEWHERE.values(), ids=ELSEWHERE.keys())
def test_a_request_about_someone_named_elsewhere_acts_on_nobody(person, body):
    ticket = ingest(message("", message_id="<elsewhere@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


HERSELF = {
    "ru, introduces herself": ("Меня зовут Әсел Қасымова. Удалите мои данные.", Type.DESTROY),
    "ru, «я» and her first name": ("Я, Әсел, прошу удалить мои данные", Type.DESTROY),
    "ru, a greeting and her first name": ("Здравствуйте, я Асель. Удалите мои данные.",
                                          Type.DESTROY),
    "ru, another person mentioned, her own data": (
        "Мой преподаватель Анна Петрова посоветовала написать вам. Удалите мои данные.",
        Type.DESTROY,
    ),
    "ru, signed with her first name": ("Удалите данные.\nӘсел", Type.DESTROY),
    "ru, signed with her name": ("Удалите данные.\nӘсел Қасымова", Type.DESTROY),
    "kk, introduces herself": ("Мен Әсел Қасымовамын. Деректерімді жойыңыз.", Type.DESTROY),
    "kk, her own first name": ("Әселдің деректерін жойыңыз", Type.DESTROY),
    "ru, her first name in the genitive": ("Удалите данные Асель", Type.DESTROY),
    "ru, the city in the sentence before": ("Я переехала в Астану. Удалите мои данные.",
                                            Type.DESTROY),
    "ru, the operator named before": ("Я больше не клиент ЕМ АЛУ плюс. Удалите мои данные.",
                                      Type.DESTROY),
    # a Kazakh noun in the accusative, first in its sentence, is no first name
    "kk, a noun first in its sentence": ("Сабақты бітірдім, деректерді жойыңыз", Type.DESTROY),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", HERSELF.values(), ids=HERSELF.keys())
def test_the_sender_speaking_of_herself_is_her_request(person, body, kind):
    ticket = ingest(message("", message_id="<herself@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)


def test_from_an_address_not_on_record_the_writer_introducing_himself_is_the_sender(person):
    ticket = ingest(message("", sender="ivan@example.kz", message_id="<ivan@x>",
                            body="Меня зовут Иван Петров. Удалите мои данные."))  # fmt: skip
    assert (ticket.type, ticket.about_someone_else) == (Type.DESTROY, False)
    other = ingest(message("", sender="ivan@example.kz", message_id="<ivan2@x>",
                           body="Это касается Анны Петровой. Удалите её данные."))  # fmt: skip
    assert (other.type, other.about_someone_else) == (Type.OTHER, True)


SIGNED = "Удалите данные.\n\nАхметов Ерлан, e-mail erlan@example.kz"


def test_a_line_that_signs_after_the_request_is_the_writer_not_on_record(person):
    ticket = ingest(message("", sender="erlan@example.kz", message_id="<erlan@x>", body=SIGNED))
    assert (ticket.type, ticket.about_someone_else) == (Type.DESTROY, False)
    signed = ingest(message("", message_id="<signed@x>", body=SIGNED))
    assert (signed.type, signed.about_someone_else) == (Type.OTHER, True)  # not Әсел
    assert untouched(person)
