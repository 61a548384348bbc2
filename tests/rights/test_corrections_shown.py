"""A person's corrections, on their page, as the page shows each item (compliance L11): a date
of birth as the page writes a date, a phone number in groups as the page above dials it. The
table showed them as stored, «1990-05-05» and «+77017654321», beside the «05.05.1990» the officer
had typed, so the officer read the change as another value than hers."""

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
