"""The desk's list of requests as a privacy officer filters it (compliance L8): it opens on
the open requests, and a status chosen beside that default lists the requests in that status,
closed ones too, instead of «0 results» for the refusals she has just sent."""

import re

import pytest

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act

Status = Ticket.Status
SHOWN_ALL = {"kk": "барлығы, жабылғандарымен қоса", "ru": "все, включая закрытые"}
SHOWN_OPEN = {"kk": "барлық ашық", "ru": "все открытые"}


def listed(html):
    """The requests the list shows, by their reference, in its order."""
    table = html[html.index('id="result_list"') :] if 'id="result_list"' in html else ""
    return re.findall(r">№\xa0(R-\d+)</a>", table)


def selected(html):
    """The choice of the deadline filter the page marks as the one in force."""
    block = html[html.index('id="changelist-filter"') :]
    block = block[: block.index("</ul>")]
    return re.sub(r"\s+", " ", re.search(r'class="selected">\s*<a[^>]*>([^<]*)<', block)[1]).strip()


@pytest.fixture
def day(person, desk, time_machine):
    """R-1 refused, R-2 carried out, R-3 still waiting for the person: a morning's work."""
    time_machine.move_to("2026-12-01 10:00+05:00")
    refused = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    done = ticket_open(kind="unsubscribe", email=person.email, language="ru", channel="web")
    waiting = ticket_open(kind="destroy", email=person.email, language="kk", channel="email")
    for ticket in (refused, done):
        ticket_verify(ticket)
    act(desk, Ticket.objects.get(pk=refused.pk), "refuse", reason="Деректер туралы сұрақ емес.")
    act(desk, Ticket.objects.get(pk=done.pk), "do")
    assert Ticket.objects.get(pk=refused.pk).status == Status.REFUSED
    assert Ticket.objects.get(pk=done.pk).status == Status.DONE
    return refused, done, waiting


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_status_chosen_lists_the_requests_in_it_closed_or_open(desk, day, lang):
    refused, done, waiting = day
    desk.cookies["django_language"] = lang
    html = desk.get("/admin/rights/ticket/").content.decode()
    assert listed(html) == [waiting.reference]  # the desk opens on the open ones
    assert selected(html) == SHOWN_OPEN[lang]
    for status, ticket in ((Status.REFUSED, refused), (Status.DONE, done),
                           (Status.UNVERIFIED, waiting)):  # fmt: skip
        html = desk.get(f"/admin/rights/ticket/?status__exact={status}").content.decode()
        assert listed(html) == [ticket.reference], status
        assert selected(html) == SHOWN_ALL[lang]  # the list says what it shows
    # The status beside an explicit choice of the deadline is narrowed by it, as asked.
    html = desk.get(f"/admin/rights/ticket/?due=open&status__exact={Status.REFUSED}")
    assert listed(html.content.decode()) == []
    assert selected(html.content.decode()) == SHOWN_OPEN[lang]
    html = desk.get(f"/admin/rights/ticket/?due=all&status__exact={Status.REFUSED}")
    assert listed(html.content.decode()) == [refused.reference]


def test_all_open_beside_a_status_is_a_link_to_the_open_ones(desk, day):
    """Where the default gives way, its own link narrows the status chosen to the open ones: the
    same address as the page shown would change nothing."""
    html = desk.get(f"/admin/rights/ticket/?status__exact={Status.REFUSED}").content.decode()
    block = html[html.index('id="changelist-filter"') :]
    assert "?due=open&amp;status__exact=refused" in block


def test_a_reference_searched_finds_the_closed_request(desk, day):
    refused, _, _ = day
    html = desk.get("/admin/rights/ticket/", {"q": f"№ {refused.reference}"}).content.decode()
    assert listed(html) == [refused.reference]
    assert selected(html) == SHOWN_ALL["kk"]


def counted(html):
    """{the filter link: the count it shows} with the counts shown («Санын көрсету»)."""
    block = html[html.index('id="changelist-filter"') :]
    found = re.findall(r'<a href="(\?[^"]*)"[^>]*>[^<]*?\((\d+)\)\s*</a>', block)
    return {link.replace("&amp;", "&"): int(n) for link, n in found}


@pytest.mark.parametrize("start", ["?_facets=True", "?_facets=True&officer=none"])
def test_each_filters_count_is_what_its_link_lists(desk, day, start):
    """With the counts shown, «орындалды (0)», «бас тартылды (0)» stood beside links that list
    one request each: a status was counted among the open requests alone, the list's default,
    which gives way once a status is chosen."""
    html = desk.get(f"/admin/rights/ticket/{start}").content.decode()
    counts = counted(html)
    assert len(counts) > 10
    for link, count in counts.items():
        assert len(listed(desk.get(f"/admin/rights/ticket/{link}").content.decode())) == count, link
