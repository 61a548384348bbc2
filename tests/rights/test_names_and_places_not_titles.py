"""A person's name or a place where a title may stand (compliance L7, L15; titles.py,
name_forms.py). Read by its capital alone, the sender's own name owning the news («Әсел
Қасымованың рассылкасын тоқтатыңыз») and a place after it («отпишите меня из рассылки
Өскемен») were another company's titles: "other", fifteen working days for an officer while
the news went on. Another person's name in a title's form («Отключите Ерлана рассылку», «…от
рассылки Ерлана») was a title too, the desk telling the officer of another company. And a
title in Latin letters typed without its capital («отпишите меня от kaspi») stopped our news.

Now the sender's own name stops their news, a place stops ours, another person's name opens
"other" about someone else, nothing stopped, and a Latin word of a Cyrillic letter is a brand's
title with or without its capital."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, news_only_stopped, untouched

Type = Ticket.Type

# The sender (conftest.person: Әсел Қасымова) names herself as whose news they are.
OWN = {
    "kk full name, genitive": "Әсел Қасымованың рассылкасын тоқтатыңыз",
    "kk first name, genitive": "Әселдің рассылкасын тоқтатыңыз",
    "kk surname first": "Қасымова Әселдің хабарламаларын тоқтатыңыз",
    "kk Russian spelling": "Асель Касымованың жаңалықтарын өшіріңіз",
    "kk no Kazakh letters": "Асел Касымованын рассылкасын токтатыныз",
    "mixed a Russian verb": "Әсел Қасымованың рассылку отключите",  # a guard: read right before
    "ru the genitive after the news": "Отключите рассылку Асель Касымовой",
    "ru the genitive before the news": "Отключите Асели рассылку",  # a guard: read right before
    "ru after «меня»": "Отпишите меня от рассылки Асель",
}


@pytest.mark.parametrize("body", OWN.values(), ids=OWN)
def test_the_senders_own_name_owning_the_news_stops_them(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)


# Another person, by a given name in a title's form, before or after the news.
OTHERS = {
    "ru the genitive before the news": "Отключите Ерлана рассылку",
    "ru another name, after «прошу»": "Прошу отключить Данияра рассылку",
    "ru a courtesy after": "Отключите Марата рассылку, пожалуйста",  # a guard: read right before
    "ru a name typed twice": "Отключите Ерланна рассылку",
    "ru a Russian name": "Отключите Сергея рассылку",  # a guard: read right before
    "ru the genitive after the news": "Отпишите от рассылки Ерлана",
    "ru a woman's name after the news": "Отключите рассылку Айгерим",
    "ru the dative after the news": "Прекратите присылать рассылку Ерлану",
    "ru another after the news": "Не присылайте уведомления Мадины",  # a guard: read right before
    "kk the dative after the news": "Хабарламаларды Ерланға жібермеңіз",
    "kk another dative after the news": "Жаңалықтарды Айгерімге жібермеңіз",
}


@pytest.mark.parametrize("body", OTHERS.values(), ids=OTHERS)
def test_another_persons_name_beside_the_news_is_someone_else_for_an_officer(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert untouched(person)


# A place: the writer's town, or which of our mailings.
PLACES = {
    "ru the brief's": "отпишите меня из рассылки Өскемен",
    "ru the town's Russian name": "Отпишите меня из рассылки Усть-Каменогорска",
    "ru no Kazakh letters": "Отпишите меня из рассылки Оскемен",
    "ru Almaty": "Отпишите меня от рассылки Алматы",
    "ru after «по»": "Отпишите меня от рассылки по Шымкенту",  # a guard: read right before
    "ru a town's genitive before": "Отключите Караганды рассылку",
    "kk the town owning the news": "Мені Алматы жаңалықтарынан шығарыңыз",
    "kk the town first": "Астана рассылкасынан шығарыңыз",
    "kk the locative": "Мені Өскемендегі рассылкадан шығарыңыз",
}


@pytest.mark.parametrize("body", PLACES.values(), ids=PLACES)
def test_a_place_beside_the_news_stops_ours(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)


# A brand in Latin letters, typed without its capital, in a Cyrillic letter.
LOWERCASE = {
    "ru after «от»": "отпишите меня от kaspi",
    "ru after the news": "отключите рассылку wildberries",
    "ru after «от рассылки»": "Отпишите меня от рассылки netflix",
    "kk owning the news": "kaspi рассылкасын тоқтатыңыз",
    "kk owning the news, after «мені»": "Мені kaspi жаңалықтарынан шығарыңыз",
}


@pytest.mark.parametrize("body", LOWERCASE.values(), ids=LOWERCASE)
def test_a_latin_title_without_its_capital_is_still_a_title(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.limits.get("limit")) == (Type.OTHER, Ticket.Limit.TITLED)
    assert untouched(person)


OURS = {
    "ru an English courtesy": "Отключите рассылку please",
    "ru a channel in Latin": "Отпишите меня от sms рассылки",
    "ru our name in Latin": "отпишите меня от рассылки emalu",
    "kk a channel in Latin": "Мені email рассылкасынан шығарыңыз",
    "ru a courtesy, «ok»": "Отключите рассылку ok",
    # A link or an address written after the news: its Latin words are no brand's.
    "ru our site's link": "Отпишите меня от рассылки https://emaluplus-vko.kz/ru/",
    "ru our link in brackets": "Отпишите меня от рассылки <https://emaluplus-vko.kz/ru/>",
    "ru a link with no scheme": "Отпишите меня от рассылки www.emaluplus-vko.kz",
    "kk our site's link": "Рассылканы тоқтатыңыз: https://emaluplus-vko.kz/kk/",
    "kk any link after the news": "Жаңалықтарды тоқтатыңыз http://example.kz/a/b",
    "ru the sender's address after the news": "Отпишите от рассылки asel1@example.kz",
}


@pytest.mark.parametrize("body", OURS.values(), ids=OURS)
def test_our_news_beside_latin_words_that_are_no_title_still_stop(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and news_only_stopped(ticket, person)
