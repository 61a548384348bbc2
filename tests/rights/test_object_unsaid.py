"""A verb of deleting or stopping whose object the letter leaves unsaid, where it names both the
writer's data and the news (compliance L7, L15, consent/rights/unsaid.py): «Деректерім бар,
хабарлама да келеді, өшіріңіз» was an unsubscribe, closed as it arrived with no officer reading
it, and «Хабарлама келеді, деректерім де бар, өшіріңіз» a destruction, by whichever noun stood
nearer the verb. Either may be meant: an officer reads it ("other", Ticket.Limit.UNSAID). Both
end the news, and an unsubscribe mailed from an address on record stops them without the link
(L14, L15): they stop as it arrives, only the deletion left to the officer. A letter that says
what it deletes or stops is done as it asks."""

import pytest

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped

Type = Ticket.Type

UNSAID = {
    "kk the brief's letter": "Деректерім бар, хабарлама да келеді, өшіріңіз",
    "kk the news first": "Хабарлама келеді, деректерім де бар, өшіріңіз",
    "kk my information, «-шы»": "Мәліметтерім сізде бар, хабарламалар келеді, өшіріңізші",
    "kk in capitals": "ДЕРЕКТЕРІМ БАР, ХАБАРЛАМА ДА КЕЛЕДІ, ӨШІРІҢІЗ",
    "kk in Latin letters": "Derekterim bar, habarlama da keledi, öşırıñız",
    "mixed a Russian noun": "Деректерім бар, рассылка тоже приходит, өшіріңіз",
    "ru delete": "Мои данные у вас есть, рассылка тоже приходит, удалите",
    "ru stop": "Мои данные у вас, рассылка приходит, прекратите",
    "ru asked by the infinitive": "Мои данные у вас есть, рассылка тоже приходит, прошу удалить",
}


@pytest.mark.parametrize("body", UNSAID.values(), ids=UNSAID)
def test_a_lone_verb_beside_the_data_and_the_news_stops_the_news_for_an_officer(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.UNSAID)
    # The news stopped as it arrived; the data held whole, every other purpose on.
    assert Subject.objects.filter(pk=person.pk).exists() and gate.may_process(person, SERVICE)
    assert not gate.may_process(person, MARKETING)


SAID = {
    "kk the news alone": ("Хабарламалар күнде келеді, өшіріңіз", Type.UNSUBSCRIBE),
    "ru the news alone": ("Рассылка приходит, удалите", Type.UNSUBSCRIBE),
    "kk the news said": (
        "Деректерім бар, хабарлама да келеді, хабарламаларды өшіріңіз",
        Type.UNSUBSCRIBE,
    ),
    "kk the data said": ("Деректерімді өшіріңіз, хабарламалар да келеді", Type.DESTROY),
    "kk the data said in a sentence of its own": (
        "Деректерімді жойыңыз. Хабарламалар да келеді, өшіріңіз",
        Type.DESTROY,
    ),
}


@pytest.mark.parametrize("body, kind", SAID.values(), ids=SAID)
def test_a_letter_that_says_what_it_deletes_or_stops_is_done_as_asked(person, body, kind):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == kind and ticket.limits.get("limit") != Ticket.Limit.UNSAID
    if kind == Type.UNSUBSCRIBE:
        assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("lang, said, stopped", [
    ("kk", "деректерді жоюды сұрауы да", "олар хат келген кезде тоқтатылды"),
    ("ru", "возможно, просят удалить данные", "они остановлены при получении письма"),
])  # fmt: skip
def test_the_desk_says_the_object_is_unsaid_and_the_news_stopped(person, desk, lang, said,
                                                                  stopped):  # fmt: skip
    ticket = ingest(message("Сұрақ", body="Деректерім бар, хабарлама да келеді, өшіріңіз"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html and stopped in html
