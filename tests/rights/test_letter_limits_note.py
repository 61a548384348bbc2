"""A letter whose own words keep its request from acting as it arrives (limits.narrowed: it
asks to keep what it stops, it cancels a service, it asks where to be written to) opened as
"other" or a correction with no word of why: the officer read «other question» and a letter,
and had to guess what the intake had read. The desk now says, in the officer's language, what
the letter asked to stop and what it asked to keep."""

import pytest
from django.utils import translation

from consent.core.purposes import MARKETING, PURPOSES, SERVICE, purposes_named
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message

Type = Ticket.Type
NOTE = 'id="letter-limits"'
SAID = {
    "keeps_news": {"kk": "жаңалықтар мен ұсыныстарды қалдыруды", "ru": "сохранить новости"},
    "keeps_more": {"kk": "бір нәрсені сақтауды", "ru": "сохранить что-то"},
    "service": {"kk": "қызметтен", "ru": "отменить услугу"},
    "elsewhere": {"kk": "қалай жазу керектігін", "ru": "куда или как ему писать"},
}


def names(lang, *codes):
    with translation.override(lang):
        return str(purposes_named(codes))  # each in «», the one way a sentence names them


def page(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    return desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("body, limit, stops, kind", [
    ("Отзываю согласие на обработку данных, но рассылку оставьте", "keeps_news",
     list(PURPOSES), Type.OTHER),
    ("Келісімімді кері қайтарып аламын, тек жаңалықтар таратылымын қалдырыңыз", "keeps_news",
     list(PURPOSES), Type.OTHER),
    ("Отпишите меня от рекламы, но новости оставьте", "keeps_news", [MARKETING], Type.OTHER),
    ("Отзываю согласие на обработку данных, но учётную запись сохраните", "keeps_more",
     list(PURPOSES), Type.OTHER),
    ("Прошу отменить подписку на онлайн-курс", "service", [MARKETING], Type.OTHER),
    ("Не хочу получать рассылку на этот ящик, присылайте на другой", "elsewhere", [MARKETING],
     Type.CORRECT),
])  # fmt: skip
def test_the_desk_says_what_the_letter_asked_to_stop_and_to_keep(
    person, desk, body, limit, stops, kind, lang
):
    ticket = ingest(message("Пошта / Почта" if kind == Type.CORRECT else "Согласие", body=body))
    assert ticket.type == kind and ticket.limits == {"limit": limit, "stops": stops}
    html = page(desk, ticket, lang)
    assert NOTE in html and SAID[limit][lang] in html, html
    if limit.startswith("keeps"):
        assert names(lang, *stops) in html


def test_a_letter_that_acts_as_asked_has_no_note(person, desk):
    ticket = ingest(message("Отписаться", body="Отпишите меня от рассылки, но данные оставьте"))
    assert ticket.type == Type.UNSUBSCRIBE and ticket.limits == {}
    assert NOTE not in page(desk, ticket, "ru")


def test_a_reply_that_keeps_something_is_not_filed_away(person, desk):
    """A reply quoting an open request files what asks for nothing by name: one whose words
    were narrowed asked for something, and is opened with its note."""
    first = ingest(message("Удаление данных", body="Удалите мои данные", message_id="<a@x>"))
    body = "Отзываю согласие на обработку данных, но рассылку оставьте"
    ticket = ingest(message(f"Re: № {first.reference}", message_id="<b@x>", body=body))
    assert ticket.status == Ticket.Status.UNVERIFIED and ticket.regarding == first
    assert NOTE in page(desk, ticket, "kk") and names("kk", SERVICE) in page(desk, ticket, "kk")
