"""A record's or request's number is written one way wherever an officer reads it, «№ 12» (a
no-break space after «№», kk and ru alike; common.text.numbered): the digest listed the people
retention leaves to staff as «#12», and the admin said «#12» of what it saved, deleted or
logged, beside the «№ 12» of every letter and page."""

import re

import pytest

from consent.common.text import numbered
from consent.core.models import Subject
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act

HASH_NUMBER = re.compile(r"#\s*\d")


def read(html: str) -> str:
    """The page's text as an officer reads it: no markup, scripts or styles (a colour «#205067»
    or an anchor «#main» is no number)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_a_number_is_written_with_the_sign_of_number_and_a_no_break_space():
    assert numbered(12) == "№\xa012"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_writes_no_number_with_a_hash(desk, person, lang):
    desk.cookies["django_language"] = lang
    ticket = ticket_verify(ticket_open(kind="block", email=person.email, language=lang,
                                       channel="email"))  # fmt: skip
    done = act(desk, Ticket.objects.get(pk=ticket.pk), reason="Бұғатталды.")
    pages = [done.content.decode()]
    for url in (
        f"/admin/consent/subject/{person.pk}/change/",
        f"/admin/consent/subject/{person.pk}/history/",
        f"/admin/rights/ticket/{ticket.pk}/history/",
        "/admin/consent/auditevent/",
        "/admin/rights/ticket/",
    ):
        page = desk.get(url, follow=True)
        assert page.status_code == 200, url
        pages.append(page.content.decode())
    text = " ".join(read(page) for page in pages)
    assert not HASH_NUMBER.search(text), HASH_NUMBER.search(text)
    assert f"№\xa0{person.pk}" in text or str(person) == f"№\xa0{person.pk}"
    assert str(Subject.objects.get(pk=person.pk)) == f"№\xa0{person.pk}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_titles_a_request_with_its_sign(desk, person, lang):
    """The brief's rule, «request numbers always carry «№»», held in every letter and page but
    the request's own: its title, heading and breadcrumbs said a bare «R-2» (the model's name
    for itself), beside «№ R-2» in the digest and every mail about it."""
    desk.cookies["django_language"] = lang
    ticket = ticket_open(kind="block", email=person.email, language=lang, channel="email")
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    crumbs = re.search(r'class="breadcrumbs"[^>]*>(.*?)</(?:div|nav|ol)>', page, re.S).group(1)
    for shown in (title, crumbs):
        assert f"№\xa0{ticket.reference}" in shown, shown
    assert str(Ticket.objects.get(pk=ticket.pk)) == f"№\xa0{ticket.reference}"
