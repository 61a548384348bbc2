"""A link or an address written in a letter is no part of its sentences (compliance L7, L15): a
«?» inside one, as a pasted link's query string has («…/unsubscribe/?t=abc», «<https://…?x=1>»),
made the sentence a question, and «Отпишите меня от рассылки https://…/?t=abc» opened "other",
due in fifteen working days, while the news went on; a «.» inside one ended no sentence either.
Links and addresses are blanked before a sentence is cut or judged (pieces.pieces, by
spelling.unlinked), the marks closing one kept as the sentence's: a question ending in a link
(«…?t=abc?») still asks."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.spelling import unlinked
from tests.growth import grows_linearly

from . import one_person
from .conftest import message, news_only_stopped, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status
QUESTION = "Сұрақ / Вопрос"
LINK = "https://emaluplus-vko.kz/ru/newsletter/unsubscribe/?t=abc"

STOPS_WITH_LINKS = [
    f"Отпишите меня от рассылки {LINK}",
    "Отпишите меня от рассылки <https://emaluplus-vko.kz/ru/newsletter/unsubscribe/?x=1>",
    "Отпишите меня от рассылки (https://emaluplus-vko.kz/ru/?x=1)",
    f"Отпишите меня от рассылки по ссылке {LINK}&u=1. Спасибо",
    f"Ссылка {LINK} не открывается. Отпишите меня от рассылки",
    "Мені таратылымнан шығарыңыз https://emaluplus-vko.kz/kk/newsletter/unsubscribe/?t=abc",
    "Хабарламалардан шығарыңыз: www.emaluplus-vko.kz/kk/?utm_source=mail",
    "Отпишите адрес asel?1@example.kz от рассылки",
    "Отписка\n" + LINK,
]


@pytest.mark.parametrize("body", STOPS_WITH_LINKS)
def test_a_stop_beside_a_link_with_a_question_mark_stops_the_news(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.DONE)
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body, kind", [
    ("Удалите мои данные https://emaluplus-vko.kz/ru/?ref=mail", Type.DESTROY),
    ("Деректерімді жойыңыз https://emaluplus-vko.kz/kk/?x=1", Type.DESTROY),
    ("Заблокируйте мои данные (https://emaluplus-vko.kz/ru/?x=1)", Type.BLOCK),
])  # fmt: skip
def test_a_request_beside_a_link_opens_its_right(person, body, kind):
    ticket = ingest(message(QUESTION, body=body))
    assert (ticket.type, ticket.status) == (kind, Status.UNVERIFIED)
    assert untouched(person)


@pytest.mark.parametrize("body", [
    f"Вы отписали меня? {LINK}",
    f"Почему не работает ссылка {LINK}?",
    f"Мені тізімнен шығардыңыздар ма? {LINK}",
])  # fmt: skip
def test_a_question_beside_a_link_is_still_one(person, body):
    ticket = ingest(message(QUESTION, body=body))
    assert ticket.type == Type.OTHER
    assert untouched(person)


def test_a_link_is_blanked_in_its_place_its_closing_marks_kept():
    assert unlinked(f"<{LINK}>?") == "<" + " " * len(LINK) + ">?"
    assert unlinked("пишите на asel@example.kz. Спасибо") == "пишите на " + " " * 15 + ". Спасибо"


def test_blanking_links_grows_with_the_letter_not_its_square():
    """Runs of no space that may begin a link at each of their letters («a.a.a…», a word of
    Latin letters, «a@a@…» and no space): each was read again from each letter, 40 kB in 6 s."""
    lines = lambda n: ["a." * n, "x" * n, "@" + "a" * n, "http" * n]  # noqa: E731
    assert grows_linearly(lambda n: [unlinked(line) for line in lines(n)], 40_000)
