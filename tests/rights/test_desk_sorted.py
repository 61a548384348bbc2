"""The desk's list sorted by a column of choices, as an officer clicks its header: by type, the
requests follow the type names she reads, in Kazakh's alphabet or Russian's; by status, the
order the work takes them in. Django sorted both by the stored codes, «access», «block»,
«destroy»..., an order no one on the desk could see."""

import html as markup
import re

import pytest

from consent.common.label_order import alphabetical
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act

Type, Status = Ticket.Type, Ticket.Status

# The types as the list names them, in each alphabet's order (the codes' order is access,
# block, destroy, unsubscribe, withdraw).
BY_TYPE = {
    # деректерге, деректерді, жаңалықтар, келісімді, өңдеуді
    "kk": [Type.ACCESS, Type.DESTROY, Type.UNSUBSCRIBE, Type.WITHDRAW, Type.BLOCK],
    # блокирование, доступ, отзыв, отказ, уничтожение
    "ru": [Type.BLOCK, Type.ACCESS, Type.WITHDRAW, Type.UNSUBSCRIBE, Type.DESTROY],
}


def listed(page):
    table = page[page.index('id="result_list"') :]
    return re.findall(r">№\xa0(R-\d+)</a>", table)


def header_link(page, column):
    """The address the header of `column` (its CSS class) leads to: what a click sorts by."""
    th = re.search(rf'<th[^>]*class="[^"]*column-{column}[^"]*"[^>]*>(.*?)</th>', page, re.S)
    return markup.unescape(re.search(r'<div class="text"><a [^>]*href="(\?[^"]*)"', th[1])[1])


def sorted_by(desk, column, lang, twice=False):
    desk.cookies["django_language"] = lang
    page = desk.get("/admin/rights/ticket/?due=all").content.decode()
    link = header_link(page, column)
    page = desk.get(f"/admin/rights/ticket/{link}").content.decode()
    if twice:  # the header clicked again: the other way round
        page = desk.get(f"/admin/rights/ticket/{header_link(page, column)}").content.decode()
    return listed(page)


@pytest.fixture
def of_each_type(person, time_machine):
    time_machine.move_to("2026-12-01 10:00+05:00")
    opened = {}
    for kind in (Type.ACCESS, Type.BLOCK, Type.DESTROY, Type.UNSUBSCRIBE, Type.WITHDRAW):
        opened[kind] = ticket_open(kind=kind, email=person.email, language="kk", channel="web")
    return opened


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_sorted_by_type_the_requests_follow_the_names_read(desk, of_each_type, lang):
    expected = [of_each_type[kind].reference for kind in BY_TYPE[lang]]
    assert sorted_by(desk, "type", lang) == expected
    assert sorted_by(desk, "type", lang, twice=True) == expected[::-1]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_sorted_by_status_the_requests_follow_the_work(desk, person, time_machine, lang):
    """Waiting for the person, confirmed, then answered: «refused» came before «unverified» by
    code, the closed requests before the ones still to do."""
    time_machine.move_to("2026-12-01 10:00+05:00")
    refused, done, confirmed, waiting = (
        ticket_open(kind=kind, email=person.email, language="kk", channel="web")
        for kind in (Type.ACCESS, Type.UNSUBSCRIBE, Type.BLOCK, Type.DESTROY)
    )
    for ticket in (refused, done, confirmed):
        ticket_verify(ticket)
    act(desk, Ticket.objects.get(pk=refused.pk), "refuse", reason="Деректер туралы сұрақ емес.")
    act(desk, Ticket.objects.get(pk=done.pk), "do")
    statuses = dict(Ticket.objects.values_list("pk", "status"))
    assert [statuses[t.pk] for t in (refused, done, confirmed, waiting)] == [
        Status.REFUSED, Status.DONE, Status.OPEN, Status.UNVERIFIED]  # fmt: skip
    expected = [t.reference for t in (waiting, confirmed, done, refused)]
    assert sorted_by(desk, "status_shown", lang) == expected
    assert sorted_by(desk, "status_shown", lang, twice=True) == expected[::-1]


def test_the_kazakh_letters_sort_in_the_alphabets_place():
    """«қ» after «к», «ә» after «а», «ұ» and «ү» after «у», «і» after «ы»: by code point each
    came after «я»."""
    words = ["яғни", "іс", "ыдыс", "үй", "ұл", "ул", "қала", "кітап", "әке", "ана", "Ёлка", "ел"]
    assert sorted(words, key=alphabetical) == [
        "ана", "әке", "ел", "Ёлка", "кітап", "қала",
        "ул", "ұл", "үй", "ыдыс", "іс", "яғни"]  # fmt: skip
