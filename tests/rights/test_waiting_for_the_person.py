"""«Waiting for the person» (the desk's filter, the badge in its list and on the person's page,
the admin index's count) is one rule, TicketQuerySet.waiting: a confirmation link went to the
person and was not pressed. The filter listed, and the index counted, the requests whose link
never went (no data held for the address, a letter forwarded about someone else) among them."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login


def rows(desk, query):
    html = desk.get(f"/admin/rights/ticket/?{query}").content.decode()
    row = r"<tr>(?:(?!</tr>).)*?>№\xa0(R-\d+)<.*?</tr>"  # the request's number, «№ R-12»
    return {m.group(1): m.group(0) for m in re.finditer(row, html, re.S)}


def summary(desk):
    response = desk.get("/admin/")
    for template, context in zip(response.templates, response.context, strict=True):
        if template.name == "admin/rights/desk_summary.html":
            return context, response.content.decode()
    raise AssertionError("no desk summary on the admin index")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_only_a_request_whose_link_went_waits_for_the_person(
    desk, privacy_officer, person, lang, time_machine
):
    time_machine.move_to("2026-11-24 10:00+05:00", tick=False)
    linked = ticket_open(kind="access", email=person.email, language=lang, channel="web")
    stranger = ticket_open(kind="access", email="stranger@example.kz", language=lang,
                           channel="web")  # fmt: skip
    confirmed = ticket_open(kind="block", email=person.email, language=lang, channel="web")
    ticket_verify(confirmed)
    assert linked.link_sent_at and not Ticket.objects.get(pk=stranger.pk).link_sent_at
    desk.cookies["django_language"] = lang

    waiting = rows(desk, "due=waiting")
    assert set(waiting) == {linked.reference}
    with translation.override(lang):
        badge = gettext("waiting for the person")
    assert badge in waiting[linked.reference]
    every = rows(desk, "due=all")
    assert badge not in every[stranger.reference] and badge not in every[confirmed.reference]
    context, _page = summary(desk)
    assert context["waiting"] == len(waiting) == Ticket.objects.waiting().count() == 1

    # Past its seven days the link still went and was not pressed: listed, and closable.
    time_machine.move_to("2026-12-02 10:00+05:00", tick=False)
    verified_login(desk, privacy_officer)
    waiting = rows(desk, "due=waiting")
    assert set(waiting) == {linked.reference}
    with translation.override(lang):
        assert gettext("not confirmed: can be closed") in waiting[linked.reference]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_index_says_what_can_be_closed_when_none_waits(desk, lang):
    """Only a stranger's request: nothing waits for anyone, and the index said nothing of the
    request an officer can close at once (its count stood inside the «awaiting» line)."""
    ticket_open(kind="destroy", email="stranger@example.kz", language=lang, channel="web")
    desk.cookies["django_language"] = lang
    context, page = summary(desk)
    assert context["waiting"] == 0 and context["closable"] == 1
    with translation.override(lang):
        assert (
            ngettext(
                "Can be closed unconfirmed (link expired, or none could be sent): %(counter)s",
                "Can be closed unconfirmed (link expired, or none could be sent): %(counter)s",
                1,
            )
            % {"counter": 1}
            in page
        )
        assert ngettext("Confirmation link sent, not pressed yet: %(counter)s",
                        "Confirmation link sent, not pressed yet: %(counter)s",
                        0) % {"counter": 0} not in page  # fmt: skip
