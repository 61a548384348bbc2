"""A person's corrections, on their page, as the page shows each item (compliance L11): a date
of birth as the page writes a date, a phone number in groups as the page above dials it. The
table showed them as stored, «1990-05-05» and «+77017654321», beside the «05.05.1990» the officer
had typed, so the officer read the change as another value than hers; and the correction panel
offered the number on record as stored too."""

import re

import pytest
from django.utils.html import strip_tags

from .conftest import act, confirm, web_request

BORN = {"kk": "1990 жылғы 5 мамыр", "ru": "5 мая 1990 г."}


def corrections_table(desk, person, lang):
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    table = html[html.index('id="corrections-group"') :]
    return re.sub(r"\s+", " ", strip_tags(table[: table.index("</table>")]).replace("\xa0", " "))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_corrected_date_and_phone_read_as_the_page_shows_them(client, desk, person, lang):
    web_request(client, "kk", "correct", message="Туған күнім мен телефоным қате")
    ticket = confirm(client)
    act(desk, ticket, birth_date="05.05.1990", phone="8 701 765 43 21",
        document="Жеке куәлік № 1")  # fmt: skip
    shown = corrections_table(desk, person, lang)
    assert BORN[lang] in shown
    assert "+7 701 123 45 67" in shown and "+7 701 765 43 21" in shown  # old and new
    assert "1990-05-05" not in shown and "+7701" not in shown


def test_the_panel_offers_the_phone_as_pages_show_it_and_keeps_it_unchanged(client, desk, person):
    """Posted back as offered, grouped, the number is the one on record: only the name the
    officer changed is corrected."""
    from consent.rights.models import Correction

    web_request(client, "kk", "correct", message="Тегім қате")
    ticket = confirm(client)
    panel = desk.get(f"/admin/rights/ticket/{ticket.pk}/act/").context["desk_form"]
    offered = {name: panel[name].value() or "" for name in
               ["full_name", "email", "phone", "birth_date", "birth_place"]}  # fmt: skip
    assert offered["phone"] == "+7\xa0701\xa0123\xa045\xa067"
    act(desk, ticket, **{**offered, "full_name": "Әсел Қасымқызы"}, document="Жеке куәлік № 1")
    person.refresh_from_db()
    assert (person.full_name, person.phone) == ("Әсел Қасымқызы", "+77011234567")
    assert list(Correction.objects.values_list("field", flat=True)) == ["full_name"]
