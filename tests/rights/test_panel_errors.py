"""The request panel refused (a date of birth that does not exist) shows the request's page
again, whole: what the person asked for, the breadcrumbs ending on the request, and the panel
with its error and what the officer typed. It showed the panel on a page of its own, without
the person's words, its breadcrumbs ending on a dangling «R-3 ›»."""

import re

import pytest

from consent.rights.models import Ticket

from .conftest import act

ASKED = "Туған күнім қате жазылған, дұрысы 1990 жылғы 12 наурыз"


def breadcrumbs(html):
    return re.search(r'<(?:div|nav|ol)[^>]*class="breadcrumbs"[^>]*>(.*?)</(?:div|nav|ol)>', html,
                     re.S).group(1)  # fmt: skip


@pytest.mark.parametrize("lang, invalid", [("kk", "Дұрыс күнді енгізіңіз"),
                                           ("ru", "Введите правильную дату")])  # fmt: skip
def test_a_refused_panel_shows_the_request_as_it_was_shown(
    privacy_officer_client, person, lang, invalid
):
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind="correct", email=person.email, language="kk", channel="web",
                         message=ASKED)  # fmt: skip
    ticket_verify(ticket)
    privacy_officer_client.cookies["django_language"] = lang
    first = privacy_officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    refused = act(privacy_officer_client, ticket, document="Куәлік № 0451",
                  birth_date="31.02.2000")  # fmt: skip
    assert refused.status_code == 200
    html = refused.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.OPEN  # nothing done
    assert invalid in html and 'value="31.02.2000"' in html and "Куәлік № 0451" in html
    assert ASKED in html
    assert breadcrumbs(html) == breadcrumbs(first.content.decode())
    assert not re.search(r"&rsaquo;\s*$", breadcrumbs(html).strip())
