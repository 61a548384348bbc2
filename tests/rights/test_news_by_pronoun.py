"""The news a letter names, then asks to turn off by a pronoun or by the verb alone (compliance
L7, L15, consent/rights/pronouns.py, rights.0055): «Рассылка приходит каждый день, отключите её»,
«Таратылым күнде келеді, оны тоқтатыңыз» opened "other", fifteen working days for an officer,
while the news went on. They stop the news as they arrive, as «Отключите рассылку» does; a «не»,
a question, another object, the data named beside, someone else's or another company's news
still stop nothing of the sender's."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase, Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type

STOPPED = {
    "ru the brief's letter": "Рассылка приходит каждый день, отключите её",
    "ru tired of it": "Рассылка надоела, отключите её",
    "ru yours, please after": "Ваша рассылка приходит каждый день, отключите её, пожалуйста",
    "ru two sentences": "Рассылка надоела. Отключите её уже!",
    "ru the pronoun first": "Отключите её, рассылка приходит каждый день",
    "ru the pronoun before the verb": "Рассылка приходит каждый день, её отключите",
    "ru the verb alone": "Рассылка приходит каждый день — отключите",
    "ru «это», the verb alone": "Рассылка приходит каждый день, отключите это",
    "ru letters, them": "Письма приходят каждый день, прекратите их",
    "ru stop it": "Рассылка приходит по три раза в день, остановите её",
    "kk it": "Таратылым күнде келеді, оны тоқтатыңыз",
    "kk them, delete": "Хабарламалар күнде келеді, оларды өшіріңіз",
    "kk the verb alone": "Хабарламалар күнде келеді, өшіріңіз",
    "kk the pronoun first": "Оны тоқтатыңыз, таратылым күнде келеді",
    "kk your mailing, «-шы»": "Таратылымыңыз күнде келеді, оларды тоқтатыңызшы",
    "kk in Latin letters": "Taratylym kunde keledi, ony toqtatynyz",
    # The phrases of rights.0055: the news named, by verbs no phrase held.
    "ru stop the mailing": "Остановите рассылку",
    "ru switch the mailing off": "Выключите рассылку, пожалуйста",
    "kk delete the messages": "Хабарламаларды өшіріңіз",
    "kk delete the mailing": "Рассылканы өшіріңіз",
}


@pytest.mark.parametrize("body", STOPPED.values(), ids=STOPPED)
def test_the_news_turned_off_by_a_pronoun_or_the_verb_alone_stop(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)


@pytest.mark.parametrize("subject_line, body", [
    ("Рассылка", "Отключите её, пожалуйста"),
    ("Ваши письма", "Прекратите их уже"),
    ("Хабарламалар", "Оларды тоқтатыңызшы"),
])  # fmt: skip
def test_the_news_named_in_the_subject_line_are_what_the_pronoun_stops(person, subject_line,
                                                                         body):  # fmt: skip
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)


KEPT = {
    "ru negated": "Рассылка приходит каждый день, не отключайте её",
    "ru another object": "Рассылка приходит, отключите курс",
    "ru asked how": "Рассылка приходит, как её отключить?",
    # «Them» may be the data: for an officer.
    "kk the data named too": "Деректерім сіздерде бар, хабарлама да келеді. Оларды өшіріңіз",
    "ru the data named too": "Мои данные у вас есть, и рассылка приходит. Прекратите их",
    "ru kept, the other turned off": "Рассылку оставьте, а уведомления о курсе отключите",
}


@pytest.mark.parametrize("body", KEPT.values(), ids=KEPT)
def test_a_negated_asked_or_other_object_stops_nothing_on_arrival(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type in (Type.OTHER, Type.UNSUBSCRIBE) and untouched(person)  # a guard


def test_a_daughters_news_turned_off_is_for_an_officer(person):
    ticket = ingest(message("Рассылка", body="Моя дочь получает рассылку, отключите её"))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True) and untouched(person)


def test_another_companys_news_turned_off_by_a_pronoun_is_titled(person):
    body = "Рассылка Кинопоиска приходит каждый день, отключите её"
    ticket = ingest(message("Сұрақ", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert untouched(person)


NEW_ROWS = {"Остановить рассылку": "ru", "Выключить рассылку": "ru",
            "Хабарламаларды өшіру": "kk", "Рассылканы өшіру": "kk"}  # fmt: skip


def test_the_new_phrases_are_kazakh_and_russian_with_notes_in_their_language(db):
    rows = IntakePhrase.objects.filter(phrase__in=NEW_ROWS)
    assert {row.phrase: row.language for row in rows} == NEW_ROWS
    assert {row.type for row in rows} == {Type.UNSUBSCRIBE}
    assert all(row.note.startswith(("«", "также «")) for row in rows)
