"""A stop of the processing that the writer's words narrow to less than everything (compliance
L7, L14, L15; qualified.py). «Не обрабатывайте мои данные из анкеты», «Прекратите обработку
данных по оплате», «Анкетадағы деректерімді өңдемеңіз» withdrew every consent as the letter
arrived: the person asked for less, and lost the answer to their application with the rest. A
qualifier that names a purpose withdraws that consent; one that names none is the officer's to
read, nothing withdrawn; a stop that names nothing narrower withdraws every consent, as before."""

import pytest
from django.utils import translation

from consent.core import gate
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import mails_to, message, news_only_stopped, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Limit = Ticket.Type, Ticket.Limit
KAZAKH_LETTERS = set("әғқңөұүһі")


def told(language):
    """The mail the person met, checked to be wholly in their language, and the names of the
    purposes and of the request's type in it."""
    text = mails_to("asel@example.kz")[-1].message
    kazakh = KAZAKH_LETTERS & set(text.casefold())
    assert bool(kazakh) == (language == "kk")
    if language == "kk":
        assert not any(word in text.casefold() for word in ("запрос", "согласи", "данны"))
    with translation.override(language):
        names = {code: str(p.name) for code, p in PURPOSES.items()}
        return text, names, str(Type.OTHER.label)


@pytest.mark.parametrize("subject_line, body, language", [
    ("Здравствуйте", "Не обрабатывайте мои данные из анкеты.", "ru"),
    ("Здравствуйте", "Прекратите обработку данных по оплате.", "ru"),
    ("Здравствуйте", "Не обрабатывайте данные из формы, я ошиблась в телефоне.", "ru"),
    ("", "Данные из анкеты не обрабатывайте.", "ru"),
    ("", "Отзываю согласие на обработку персональных данных из анкеты.", "ru"),
    ("Сәлем", "Анкетадағы деректерімді өңдемеңіз.", "kk"),
    ("Сәлем", "Төлем бойынша деректерімді өңдеуді тоқтатыңыз.", "kk"),
    ("Сәлем", "Анкетадағы деректерімді өңдемеңіз, телефонды қате жаздым.", "kk"),
])  # fmt: skip
def test_a_stop_narrowed_to_no_purpose_of_ours_is_the_officers(person, subject_line, body,
                                                               language):  # fmt: skip
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language) == (Type.OTHER, language)
    assert ticket.limits["limit"] == Limit.UNREAD  # the desk says why, a withdrawal's days
    assert untouched(person)  # every consent stays in force
    text, names, other = told(language)
    assert other in text and names[SERVICE] not in text and names[MARKETING] not in text


@pytest.mark.parametrize("body, language", [
    ("Запрещаю передачу моих данных третьим лицам.", "ru"),
    ("Деректерімді үшінші тұлғаларға беруге тыйым саламын.", "kk"),
])  # fmt: skip
def test_a_stop_of_passing_to_third_parties_withdraws_nothing(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (Type.OTHER, language)
    assert untouched(person)
    text, names, other = told(language)
    assert other in text and names[SERVICE] not in text


@pytest.mark.parametrize("body, language", [
    ("Прекратите обработку моих данных только для рассылки.", "ru"),
    ("Не обрабатывайте мои данные, только для рассылки.", "ru"),
    ("Тек жаңалықтар үшін деректерімді өңдемеңіз.", "kk"),
])  # fmt: skip
def test_a_stop_narrowed_to_the_news_withdraws_the_news_alone(person, body, language):
    ticket = ingest(message("", body=body))
    assert ticket.language == language and news_only_stopped(ticket, person)
    text, names, _ = told(language)
    assert names[MARKETING] in text and names[SERVICE] not in text


@pytest.mark.parametrize("body, language", [
    ("Не обрабатывайте мои персональные данные.", "ru"),
    ("Отзываю согласие", "ru"),
    ("Прекратите обработку моих данных немедленно.", "ru"),
    ("Прекратите обработку моих данных полностью.", "ru"),
    ("Отзываю согласие на обработку персональных данных в полном объёме.", "ru"),
    ("Отзываю согласие на обработку персональных данных целиком.", "ru"),
    ("Otzyvaju soglasie na obrabotku moih personalnyh dannyh v polnom obeme.", "ru"),
    ("Не обрабатывайте мои данные без моего согласия.", "ru"),
    ("Прошу прекратить обработку моих персональных данных с сегодняшнего дня.", "ru"),
    ("Прекратите обработку моих персональных данных в связи с переездом.", "ru"),
    ("Отзываю согласие на обработку персональных данных, данное мной ранее на сайте.", "ru"),
    ("Дербес деректерімді өңдемеңіз.", "kk"),
    ("Деректерімді толық көлемде өңдеуді тоқтатыңыз.", "kk"),
    ("Менің деректерімді бұдан былай өңдемеңіздер", "kk"),
    ("Сізден дербес деректерімді өңдемеуді сұраймын.", "kk"),
    ("Қазақстан Республикасының заңына сәйкес деректерімді өңдемеңіз.", "kk"),
])  # fmt: skip
def test_a_stop_of_the_data_as_a_whole_withdraws_every_consent(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose, ticket.language) == (Type.WITHDRAW, "", language)
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    text, names, _ = told(language)
    assert names[SERVICE] in text and names[MARKETING] in text


@pytest.mark.parametrize("body, language", [
    ("Отзываю согласие на обработку персональных данных Kassymovoi Assel", "ru"),
    ("Прекратите обработку персональных данных Касымовой Асель.", "ru"),
    ("Қасымова Әселдің деректерін өңдемеңіз.", "kk"),
])  # fmt: skip
def test_whose_data_it_is_narrows_nothing(person, body, language):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose, ticket.language) == (Type.WITHDRAW, "", language)
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
