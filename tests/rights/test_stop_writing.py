"""Two families of letters no phrase named (compliance L7, L15; migration 0034).

Asking for mail to stop by the verb of writing: «Перестаньте писать мне», «Больше не пишите
мне», «Маған хат жазбаңыз», «Please stop writing to me» opened "other" for an officer while
«Не присылайте мне письма» stopped the news as it arrived. They mean the same: unsubscribe.

Corrections in English: «Please correct my surname», «My phone number has changed to …»,
«Update my address» opened "other", fifteen working days with no right named."""

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from .conftest import message

Type = Ticket.Type

STOP_WRITING = {
    "ru, stop": ("Перестаньте писать мне", "ru"),
    "ru, no more": ("Больше не пишите мне", "ru"),
    "ru, no more after": ("Не пишите мне больше, пожалуйста", "ru"),
    "ru, cease": ("Прекратите мне писать", "ru"),
    "ru, letters": ("Не отправляйте мне письма", "ru"),
    "ru, send letters": ("Перестаньте отправлять мне письма", "ru"),
    "kk, letter": ("Маған хат жазбаңыз", "kk"),
    "kk, again": ("Маған енді жазбаңыз", "kk"),
    "kk, stop": ("Маған хат жазуды тоқтатыңыз", "kk"),
    "kk, sending": ("Маған хат жіберуді тоқтатыңыз", "kk"),
    # «не писать» asked, or with «больше» (sentences.unurged; migration 0039)
    "ru, asked no more": ("Прошу больше не писать мне", "ru"),
    "ru, asked, no more after": ("Прошу не писать мне больше", "ru"),
    "ru, asked of you": ("Прошу вас больше мне не писать", "ru"),
    "ru, a request": ("Просьба впредь не писать на этот адрес", "ru"),
    "ru, no more alone": ("Больше мне не писать", "ru"),
    "kk, asked": ("Маған енді жазбауыңызды сұраймын", "kk"),
    "kk, asked politely": ("Маған енді хат жазбауыңызды өтінемін", "kk"),
    "en, stop": ("Please stop writing to me", "kk"),
    "en, do not": ("Please do not write to me again", "kk"),
    "en, don't": ("Don't write to me anymore", "kk"),
    "en, contacting": ("Stop contacting me", "kk"),
    "en, messages": ("Stop sending me messages", "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body, language", STOP_WRITING.values(), ids=STOP_WRITING)
def test_asking_us_to_stop_writing_unsubscribes_as_it_arrives(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status, ticket.language) == (Type.UNSUBSCRIBE, "done", language)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


WRITING_NAMED_ONLY = {
    "ru, why": "Почему вы мне не пишете?",
    "ru, you do not": "Вы мне не пишете уже месяц",
    "ru, I cannot": "Я не могу писать вам с рабочей почты, ответьте на личную",
    "ru, no more I cannot": "Я больше не могу писать вам с этого адреса",
    "ru, asked, another verb's «не»": "Прошу вас не забывать писать мне",
    "ru, asked in another clause": "Прошу прощения, не могу писать чаще",
    "ru, unasked": "Я решила не писать вам жалобу",
    "ru, reported": "Прошу прощения, что долго не писала",
    "kk, cannot": "Мен сізге жаза алмаймын",
    "kk, write": "Хат жазыңыз маған",
    "en, why": "Why don't you write to me?",
    "en, in Russian": "Please write to me in Russian",
}  # fmt: skip


@pytest.mark.parametrize("body", WRITING_NAMED_ONLY.values(), ids=WRITING_NAMED_ONLY)
def test_writing_named_without_asking_to_stop_is_no_unsubscribe(db, body):
    assert classify("", body)[0] != Type.UNSUBSCRIBE


CORRECTIONS = [
    "Please correct my surname",
    "My phone number has changed to +77017654321",
    "Update my address, please",
    "Please update my email address to new@example.kz",
    "I got married, please change my surname to Petrova",
    "My new phone number is +77017654321",
]


@pytest.mark.parametrize("body", CORRECTIONS)
def test_a_correction_in_english_opens_a_correction(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (Type.CORRECT, "kk")  # her record's language


@pytest.mark.parametrize("body", [
    "Please do not change my surname", "I didn't change my address",
    "How can I update my address?", "Is my data correct?",
])  # fmt: skip
def test_a_correction_in_english_negated_or_asked_about_opens_none(db, body):
    assert classify("", body)[0] != Type.CORRECT
