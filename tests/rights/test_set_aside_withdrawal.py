"""An email the intake set aside asks to withdraw one consent (compliance L7, L14): the officer
reads it and opens the request from its page. Opened as a withdrawal from an address on record it
stops processing as it arrives, as the same letter read by the intake would; the form had no
purpose, so the officer could open it only as a withdrawal of every consent, and the person who
asked to stop the news lost the answer to their application too."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import BAD_MESSAGES, mails_to

# Told on the form before it is sent: opened so, it stops processing at once.
AT_ONCE = {"kk": "бірден", "ru": "сразу"}


@pytest.fixture
def set_aside(person):
    raw, _ = BAD_MESSAGES["bytes not in the declared charset"]
    return ingest(raw)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_set_aside_withdraws_only_the_consent_it_names(desk, set_aside, person, lang):
    desk.cookies["django_language"] = lang
    url = f"/admin/rights/quarantinedmessage/{set_aside.pk}/open/"
    form = desk.get(url).content.decode()
    assert 'name="purpose"' in form and AT_ONCE[lang] in form
    response = desk.post(
        url,
        {
            "email": "asel@example.kz",
            "kind": "withdraw",
            "language": "ru",
            "purpose": MARKETING,
            "message": "Отзываю согласие на рассылку",
        },
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and (ticket.type, ticket.purpose) == ("withdraw", MARKETING)
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)  # the answer to their application still comes
    withdrawn = LedgerEntry.objects.filter(subject=person, kind="withdraw")
    assert list(withdrawn.values_list("purpose", flat=True)) == [MARKETING]
    assert "/ru/requests/confirm/" in mails_to("asel@example.kz")[-1].message


def test_a_purpose_is_refused_beside_any_other_type(desk, set_aside, person):
    url = f"/admin/rights/quarantinedmessage/{set_aside.pk}/open/"
    response = desk.post(
        url,
        {
            "email": "asel@example.kz",
            "kind": "destroy",
            "language": "kk",
            "purpose": MARKETING,
            "message": "",
        },
    )
    assert response.status_code == 200 and "purpose" in response.context["open_form"].errors
    assert not Ticket.objects.exists() and gate.may_process(person, MARKETING)
