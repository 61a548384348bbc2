"""A consent given before processing was blocked (compliance L12) stands: the block pauses its
use and ends none. The parent's page of their children read it through the gate, which says no
to every purpose while blocked, and told the parent of a blocked child's service consent «not
given»; the person's own page told «given» of all but the cross-border consent, which it read
from a list that leaves that one out. Both pages say the same of each, from one rule
(gate.consent_stands): given, and not used while the block lasts."""

import re

import pytest
from django.test import Client

from consent.core.ledger import (
    consent_grant,
    consent_withdraw_if_given,
    subject_block,
    subject_unblock,
)
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE

from .test_guardian_rights import child  # noqa: F401 (the fixture)
from .test_guardian_withdrawal import open_children_page
from .test_selfservice import open_page

PAUSED = {"kk": "берілді, бірақ бұғаттау күшінде тұрғанда қолданылмайды",
          "ru": "дано, но\xa0не\xa0используется, пока обработка заблокирована"}  # fmt: skip
GIVEN = {"kk": "берілді", "ru": "дано"}
WITHDRAWN = {"kk": "келісім кері қайтарып алынды", "ru": "согласие отозвано"}


def states(html):
    """Each purpose's state as the page's table says it, by the purpose's code."""
    rows = re.findall(r'id="purpose-(?:\d+-)?(\w+)"[^>]*>[^<]*</th>\s*<td data-label="[^"]*">'
                      r"(.*?)</td>", html, re.S)  # fmt: skip
    return {code: re.sub(r"[ \t\n]+", " ", state).strip() for code, state in rows}


def block(subject):
    subject_block(subject, reason="the parent asked", source=Source.ADMIN)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_childs_consents_are_given_and_paused_on_the_parents_page(child, lang):  # noqa: F811
    subject, _row = child
    consent_withdraw_if_given(subject, MARKETING, source=Source.SELF_SERVICE)
    block(subject)
    parent = Client()
    open_children_page(parent, lang)
    shown = states(parent.get(f"/{lang}/my-data/children/").content.decode())
    # The service consent stands, paused; the one withdrawn before the block stays withdrawn.
    assert shown == {SERVICE: PAUSED[lang], MARKETING: WITHDRAWN[lang]}

    subject_unblock(subject, reason="lifted", source=Source.ADMIN)
    shown = states(parent.get(f"/{lang}/my-data/children/").content.decode())
    assert shown[SERVICE] == GIVEN[lang]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_childs_optional_consent_is_paused_and_can_be_withdrawn(child, lang):  # noqa: F811
    subject, _row = child
    block(subject)
    parent = Client()
    open_children_page(parent, lang)
    page = parent.get(f"/{lang}/my-data/children/").content.decode()
    assert states(page) == {SERVICE: PAUSED[lang], MARKETING: PAUSED[lang]}
    assert f'name="withdraw" value="{MARKETING}"' in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_persons_own_page_says_each_consent_given_is_paused(client, person, texts, lang):
    consent_grant(person, texts[CROSS_BORDER], language="kk", source=Source.APPLICATION_FORM)
    block(person)
    open_page(client, lang)
    shown = states(client.get(f"/{lang}/my-data/").content.decode())
    assert {code: shown[code] for code in (SERVICE, MARKETING, CROSS_BORDER)} == dict.fromkeys(
        (SERVICE, MARKETING, CROSS_BORDER), PAUSED[lang]
    )
