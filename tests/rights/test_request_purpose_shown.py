"""A request's page names the purpose a withdrawal stops, «every purpose» where it names none:
the model's field showed a withdrawal of every consent as «—» under a help text («for a
withdrawal: empty means every purpose») the officer had to decode, and that help text on every
other request, an access or a block, whose purpose is none."""

import re

import pytest
from django.utils.html import strip_tags

from consent.core.purposes import MARKETING
from consent.rights.tickets import ticket_open, ticket_verify

PURPOSE = {"kk": "Мақсат", "ru": "Цель"}
EVERY = {"kk": "барлық мақсаттар", "ru": "все цели"}
NEWS = {"kk": "Жаңалықтар және арнайы ұсыныстар", "ru": "Новости и специальные предложения"}
HELP = {"kk": "бос қалса", "ru": "пустое значение"}


def field(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    row = re.search(r'<div class="form-row field-purpose_shown">(.*?)</div>\s*</div>', html, re.S)
    return re.sub(r"\s+", " ", strip_tags(row[1]).replace("\xa0", " ")).strip()


def opened(person, kind, purpose=""):
    ticket = ticket_open(kind=kind, email=person.email, language="kk", channel="web",
                         purpose=purpose)  # fmt: skip
    ticket_verify(ticket)
    return ticket


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_names_what_it_stops_and_no_help_decodes_it(desk, person, lang):
    every = opened(person, "withdraw")
    assert field(desk, every, lang) == f"{PURPOSE[lang]}: {EVERY[lang]}"
    news = opened(person, "withdraw", MARKETING)
    assert field(desk, news, lang) == f"{PURPOSE[lang]}: {NEWS[lang]}"
    access = opened(person, "access")
    assert field(desk, access, lang) == f"{PURPOSE[lang]}: —"
    assert HELP[lang] not in field(desk, access, lang)
