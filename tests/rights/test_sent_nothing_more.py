"""Asking that nothing more be sent, or saying writing is not needed (compliance L7, L15;
consent/rights/unneeded.py): «Больше ничего не присылайте», «Енді маған хат жазудың қажеті жоқ»
opened "other" for an officer, fifteen working days while the news went on, where «Больше не
пишите мне» and «Маған хат жазбаңыз» unsubscribed as they arrived. They mean the same: the news
stop as they arrive, service mail (answers to the person's own requests) goes on."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched

Type = Ticket.Type

STOPS = {
    "ru, nothing more": ("Больше ничего не присылайте", "ru"),
    "ru, nothing to me": ("Ничего мне больше не присылайте, пожалуйста", "ru"),
    "ru, no need to send": ("Не надо мне ничего присылать", "ru"),
    "ru, sending not needed": ("Присылать мне ничего не нужно", "ru"),
    "ru, writing not needed": ("Писать мне больше не нужно", "ru"),
    "ru, no need to write": ("Больше не нужно мне писать", "ru"),
    "kk, no need to write letters": ("Енді маған хат жазудың қажеті жоқ", "kk"),
    "kk, no need, «керегі»": ("Маған хат жазудың керегі жоқ", "kk"),
    "kk, nothing": ("Маған енді ештеңе жібермеңіз", "kk"),
    "kk, sending not needed": ("Хабарлама жіберудің қажеті жоқ", "kk"),
    "kk, any more to me": ("Маған енді жазудың қажеті жоқ", "kk"),
    "ru, no more, typed on a phone": ("ок спс больше не присылайте", "ru"),
    "kk, no more": ("Енді жібермеңіз", "kk"),
    "kk, Latin letters": ("Endi magan hat jazudyn qajeti joq", "kk"),
    "ru, Latin letters": ("Bolshe nichego ne prisylayte", "ru"),
}  # fmt: skip


@pytest.mark.parametrize("body, language", STOPS.values(), ids=STOPS)
def test_nothing_more_to_be_sent_stops_the_news_as_it_arrives(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status, ticket.language) == (Type.UNSUBSCRIBE, "done", language)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [mail] = mails_to("asel@example.kz")
    assert {"ru": "больше не будете получать", "kk": "енді біз сізге"}[language] in mail.message


NOT_STOPS = {
    "ru, a complaint in the past": "Вы мне ничего не прислали",
    "ru, a question": "Почему вы ничего не присылаете?",
    "ru, the writer's own writing": "Мне больше не нужно писать заявление",
    "ru, asked whether": "Мне не нужно ничего присылать?",
    "ru, supposed": "Если ничего не нужно присылать, так и скажите",
    "kk, no need to answer": "Маған жауап жазудың қажеті жоқ",
    "kk, a complaint in the past": "Маған ештеңе жібермедіңіз, неге?",
    "kk, a question": "Сізге ештеңе жіберудің қажеті жоқ па?",
    "ru, no more of something else": "Больше не присылайте документы на подпись, я всё подписала",
    "ru, asked whether no more": "Вы больше не присылаете новости?",
}


@pytest.mark.parametrize("body", NOT_STOPS.values(), ids=NOT_STOPS)
def test_nothing_sent_told_or_asked_about_stops_nothing(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.OTHER and untouched(person)


# «Nothing» beside a place, a time, an exception, or beside what the letter tells of, is that:
# each unsubscribed the writer as it arrived, the news she kept lost (unneeded.nothing_more).
NOTHING_OF_SOMETHING = {
    "ru, to the old address": "Ничего не присылайте на старый адрес",
    "ru, nothing superfluous": "Не присылайте ничего лишнего",
    "ru, not by post": "Ничего не присылайте по почте, только в вотсап",
    "ru, until Monday": "Ничего не присылайте до понедельника",
    "ru, about the order": "Больше ничего не присылайте по заказу",
    "ru, after the documents": "Спасибо, документы получила. Больше ничего не присылайте",
    "ru, the contract signed": "Договор подписала, больше ничего не присылайте",
    "ru, to the old address, Latin": "Bolshe nichego ne prisylayte na staryi adres",
    "ru, quoted": "Она написала: «Больше ничего не присылайте»",
    "ru, to work": "Не надо мне ничего присылать на работу",
    "kk, to the old mail": "Ескі мекенжайға ештеңе жібермеңіз",
    "kk, the documents received": "Құжаттарды алдым. Енді ештеңе жібермеңіз",
    "kk, write on WhatsApp": "Маған енді жазудың қажеті жоқ, ватсапқа жазыңыз",
}


@pytest.mark.parametrize("body", NOTHING_OF_SOMETHING.values(), ids=NOTHING_OF_SOMETHING)
def test_nothing_of_something_named_is_for_an_officer_the_news_going_on(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type != Type.UNSUBSCRIBE and untouched(person)
