"""A letter about passing the writer's data to third parties (compliance L7; Law 94-V Art.
24(1)(5), third_parties.py) opened "other" with nothing to say what it asked, or, with «отзываю
согласие», withdrew every consent as it arrived. It opens "other", acting on nothing, and the
desk says in the officer's language what it is about and what to answer."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

NOTE = 'id="third-parties"'
SAID = {"kk": "үшінші тұлғаларға беру туралы", "ru": "о\u00a0передаче данных человека третьим"}


@pytest.mark.parametrize("body", [
    "Не передавайте мои данные третьим лицам",
    "Запрещаю передавать мои персональные данные третьим лицам.",
    "Отзываю согласие на передачу моих данных третьим лицам",
    "Деректерімді үшінші тұлғаларға бермеңіз",
    "Please do not share my data with third parties",
])  # fmt: skip
def test_a_letter_about_third_parties_acts_on_nothing_and_says_so(person, body):
    ticket = ingest(message("Деректер / Данные", body=body))
    assert ticket.type == Ticket.Type.OTHER and ticket.limits == {"transfers": True}
    assert untouched(person)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_names_it_in_the_officers_language(person, desk, lang):
    ticket = ingest(message("Деректер", body="Деректерімді үшінші тұлғаларға бермеңіз"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert NOTE in html and SAID[lang] in html


def test_a_destruction_that_names_third_parties_is_still_a_destruction(person, desk):
    body = "Удалите мои данные, чтобы их не передали третьим лицам"
    ticket = ingest(message("Данные", body=body))
    assert ticket.type == Ticket.Type.DESTROY
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert NOTE not in html
