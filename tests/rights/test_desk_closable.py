"""«Can be closed unconfirmed» on the desk (compliance L9): the dashboard counts the requests
an officer may close unconfirmed and the digest lists them, and each leads to them. It was the
one count on the dashboard with no link, the digest linked the open requests, and the list had
no choice for them: the officer read every waiting request's row for the note «not confirmed:
can be closed» to find them."""

import re
from datetime import date

import pytest
from post_office.models import Email

from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .test_desk_list_filters import listed, selected

COUNT = {
    "kk": re.escape(
        "Растаусыз жабуға болады (сілтемесінің мерзімі өткен немесе оны жіберу мүмкін болмаған): 2"
    ),
    "ru": re.escape(
        "Можно закрыть без подтверждения (срок ссылки истёк или её нельзя было отправить): 2"
    ),
}
TO_CLOSE = {"kk": "Өтініш беруші растамаған, жабылуы тиіс", "ru": "Не подтверждены заявителем"}
CHOICE = {"kk": "расталмады: жабуға болады", "ru": "не подтверждён: можно закрыть"}


@pytest.fixture
def monday(make_subject, time_machine):
    """On Monday 7 December 2026: R-1, Әсел's, whose link of 27 November expired unpressed;
    R-2 from an address no one on record holds (no link went); R-3, Бауыржан's, whose link
    went this morning; R-4, Дина's, confirmed."""
    for name, email in (("Әсел Қасымова", "asel@example.kz"), ("Бауыржан Ахметов", "b@example.kz"),
                        ("Дина Серікова", "d@example.kz")):  # fmt: skip
        make_subject(full_name=name, email=email)
    time_machine.move_to("2026-11-27 11:00+05:00", tick=False)
    expired = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    time_machine.move_to("2026-12-07 09:00+05:00", tick=False)
    no_data = ticket_open(kind="block", email="stranger@example.kz", language="ru", channel="web")
    fresh = ticket_open(kind="destroy", email="b@example.kz", language="kk", channel="email")
    confirmed = ticket_open(kind="access", email="d@example.kz", language="ru", channel="web")
    ticket_verify(confirmed)
    time_machine.move_to("2026-12-07 10:30+05:00", tick=False)
    assert Ticket.objects.get(pk=fresh.pk).link_sent_at is not None  # it waits, rightly
    return expired, no_data, fresh, confirmed


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_dashboards_count_of_closable_requests_leads_to_them(
    client, privacy_officer, monday, lang
):
    expired, no_data, _fresh, _confirmed = monday
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    index = desk.get("/admin/").content.decode().replace("\xa0", " ")
    link = re.search(r'<a href="([^"]+)"><strong>' + COUNT[lang] + "</strong></a>", index)
    assert link, index[index.index('id="desk-summary"') :][:2000]
    page = desk.get(link[1].replace("&amp;", "&")).content.decode()
    # The two it counted, and not the one whose link still works nor the confirmed one.
    assert sorted(listed(page)) == sorted([expired.reference, no_data.reference])
    assert selected(page) == CHOICE[lang]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_digests_list_of_requests_to_close_links_them(client, privacy_officer, monday, lang):
    expired, no_data, _fresh, _confirmed = monday
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    desk.get("/admin/")  # signed in in her language: the digest comes in it
    Email.objects.all().delete()
    digest(date(2026, 12, 7))
    text = Email.objects.get(to=[privacy_officer.email]).message.replace("\xa0", " ")
    listed_here = text[text.index(TO_CLOSE[lang]) :].split("\n\n")[0]
    assert expired.reference in listed_here and no_data.reference in listed_here
    link = re.search(r"https?://[^/\s]+(/\S+)", listed_here)[1]
    assert link.endswith("?due=closable")
    page = desk.get(link).content.decode()
    assert sorted(listed(page)) == sorted([expired.reference, no_data.reference])
