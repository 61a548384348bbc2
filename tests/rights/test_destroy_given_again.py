"""A destruction carried out destroys everything held, a consent the person gave after asking
for it included (compliance L13). Әсел asks on Friday for her data to be destroyed, confirms,
subscribes to the news again over the weekend, and the desk carries her Friday request out on
Monday: the news she asked for on Saturday went with the rest, and the panel said only «this
destroys all of the person's data», as if nothing had happened since. A withdrawal in the same
case keeps the consent given again (test_given_again.py); whether a destruction should is for
the operator's lawyer, so the desk now says so before the officer acts, in her language, with
the purpose and the local date, and she decides (carry out, refuse with reasons, or ask)."""

import re

import pytest
from django.utils import translation

from consent.common.dates import local_date, reader_time
from consent.core.purposes import MARKETING, PURPOSES
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import confirm, web_request
from .test_given_again import day, subscribed_again

# What the panel says of a consent given after the request (no-break spaces read as spaces).
GIVEN_SINCE = {"kk": "өтініштен кейін", "ru": "запроса человек дал согласие"}


def panel(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("\N{NO-BREAK SPACE}", " ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_is_told_of_a_consent_given_after_the_destruction_was_asked(
    client, person, desk, privacy_officer, time_machine, lang
):
    web_request(client, "ru", "destroy")
    ticket = confirm(client, "ru")
    shown = panel(verified_login(desk, privacy_officer), ticket, lang)
    assert GIVEN_SINCE[lang] not in shown  # nothing given since: the panel says only what goes

    day(time_machine, 1)
    grant = subscribed_again("ru")
    shown = panel(verified_login(desk, privacy_officer), Ticket.objects.get(), lang)

    with translation.override(lang):
        since = reader_time(local_date(grant.at))
        purpose = str(PURPOSES[MARKETING].name).replace("\N{NO-BREAK SPACE}", " ")
    assert GIVEN_SINCE[lang] in shown, shown[-3000:]
    assert since in shown, since
    assert purpose in shown, purpose
