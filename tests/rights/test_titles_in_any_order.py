"""Another company's mailing named by a title that owns it, in whatever order its words come
(compliance L7, L15, titles.py): «Кинопоиска рассылку отключите» (the genitive before the news),
«Кинопоиск: отпишите меня» (the title as the request's heading), «От Кинопоиска отпишите» (the
preposition before the verb), «Wildberries рассылкасын тоқтатыңыз» (the Kazakh possessive in
any case) unsubscribed the sender from our news as they arrived. They open "other" for an
officer (Ticket.Limit.TITLED), nothing stopped; our own news, by our name or none, still stop."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type

THEIRS = {
    # The genitive before the news, the sentence's first word too.
    "ru the genitive first": "Кинопоиска рассылку отключите",
    "ru the genitive quoted": "«Кинопоиска» рассылку отключите",
    "ru the genitive in straight quotes": '"Кинопоиска" рассылку отключите',
    "ru after «please»": "Пожалуйста, Кинопоиска рассылку отключите",
    "ru a bank's genitive": "Каспи рассылку отключите, надоела",
    "ru a Latin title first": "Kinopoisk рассылку отключите",
    "ru the genitive, declined": "Вестника рассылку не хочу, отпишите",
    "ru a typo in the title": "Кинопоска рассылку отключите",
    "ru the genitive after the verb": "Отключите Кинопоиска рассылку",
    "mixed a Kazakh verb": "Кинопоиска рассылкасын тоқтатыңыз",
    # The title as the heading of the request, before a colon or a dash.
    "ru a colon": "Кинопоиск: отпишите меня",
    "ru a dash": "Кинопоиск — отпишите меня",
    "ru quoted, a colon": "«Кинопоиск»: отпишите меня, пожалуйста",
    "ru about it, a colon": "Насчёт Кинопоиска: отпишите меня",
    "ru two words, a colon": "Яндекс Плюс: отпишите меня",
    "en a colon": "Netflix: unsubscribe me",
    "kk a colon": "Кинопоиск: мені жазылымнан шығарыңыз",
    # The preposition before the verb.
    "ru from it first": "От Кинопоиска отпишите",
    "ru from it, me": "От Кинопоиска меня отпишите",
    # The Kazakh third person's possessive, in any case, after the title.
    "kk the accusative": "Wildberries рассылкасын тоқтатыңыз",
    "kk the accusative, «-шы»": "Wildberries рассылкасын тоқтатыңызшы",
    "kk the genitive hyphened": "Wildberries-тің рассылкасын тоқтатыңыз",
    "kk the genitive after an apostrophe": "Wildberries'тің рассылкасын тоқтатыңыз",
    "kk quoted, its messages": "«Кинопоиск» хабарламаларын өшіріңіз",
    "kk its mailing": "Кинопоиск таратылымын тоқтатыңыз",
    "kk the verb alone after": "Wildberries рассылкасы келе береді, тоқтатыңыз",
}


@pytest.mark.parametrize("body", THEIRS.values(), ids=THEIRS)
def test_a_title_that_owns_the_mailing_in_any_order_stops_nothing(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert untouched(person)


# A person's name before the news is whom they go to, in a form no title takes there: Russian
# undeclined or in the dative, Kazakh in the dative or the genitive («Прошу отключить Айгерим
# рассылку» withdrew the sender's own news and closed the request done). "Other", about someone
# else, nothing stopped; a title's Russian genitive («Кинопоиска рассылку») stays a title's.
PEOPLE = {
    "ru a woman's name, undeclined": "Прошу отключить Айгерим рассылку",
    "ru a man's name in the dative": "Отключите Ерлану рассылку",
    "kk a man's name in the dative": "Ерланға рассылканы тоқтатыңыз",
    "kk a woman's name in the dative": "Айгерімге рассылканы тоқтатыңыз",
    "kk the dative without Kazakh letters": "Ерланга рассылканы тоқтатыңыз",
    "kk the dative after a voiceless consonant": "Маратқа рассылканы тоқтатыңыз",
    "kk a man's name in the genitive": "Ерланның рассылкасын тоқтатыңыз",
    "kk a woman's name in the genitive": "Айгерімнің рассылкасын тоқтатыңыз",
}


@pytest.mark.parametrize("body", PEOPLE.values(), ids=PEOPLE)
def test_a_person_named_before_the_news_is_someone_else_for_an_officer(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


OURS = {
    "ru ours": "Отпишите меня от вашей рассылки",
    "kk our name owning it": "ЕМ АЛУ рассылкасынан шығарыңыз",
    "ru our site's name run together": "emaluplus рассылку отключите",
    "ru our name run together, capitalised": "Emaluplus рассылку отключите",
    "kk our name quoted": "«ЕМ АЛУ плюс» рассылкасын тоқтатыңыз",
    "ru our name first": "ЕМ АЛУ рассылку отключите",
    # A pronoun, an adjective or a verb before the news is no one's title.
    "ru yours first": "Вашу рассылку отключите",
    "ru an adjective first": "Рекламную рассылку отключите",
    "ru another adjective first": "Ежедневную рассылку отключите",
    "ru «this» first": "Эту рассылку отключите",
    "ru «all» first": "Всю рассылку отключите",
    "ru a verb first": "Остановите рассылку",
    "ru a past verb first": "Надоела рассылка, отключите",
    "ru spam": "Спам рассылку отключите",
    "kk your mailing": "Рассылкаңызды тоқтатыңыз",
    "kk the mailing": "Рассылканы тоқтатыңыз",
    # A greeting before a colon is no heading's title.
    "ru a greeting, a colon": "Здравствуйте: отпишите меня от рассылки",
}


@pytest.mark.parametrize("body", OURS.values(), ids=OURS)
def test_our_news_in_the_same_orders_still_stop(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)
