"""Compliance L3, L4 (Art. 8(4)(7), 25(2)(5) of Law 94-V): with each consent given or withdrawn
on the site, the ledger keeps the IP address and the browser it was sent from, as its proof.
The consent text's list of data («7. Жиналатын дербес деректер: …») named only the form's
fields, so a person agreed to a list that left out what was kept about them with the consent
itself; the draft policy for the lawyer said nothing of it either."""

import pytest
from django.utils import translation

from consent.core.models import ConsentText, LedgerEntry
from consent.core.policydoc import policy_context
from consent.core.purposes import ANALYTICS
from consent.core.texts import render_consent
from tests.forms.test_consent_names_form_data import data_line, shown_texts

FROM_THE_REQUEST = ("ip", "user_agent")  # ledger._request_meta


def kept(lang):
    """The names of what the ledger keeps from the request, as the person's language says them."""
    with translation.override(lang):
        return [str(LedgerEntry._meta.get_field(name).verbose_name) for name in FROM_THE_REQUEST]


@pytest.mark.parametrize("form", ["contact", "apply", "newsletter"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_consent_a_form_shows_names_the_ip_address_and_browser_kept_with_it(
    client, texts, form, lang
):
    shown = shown_texts(client.get(f"/{lang}/{form}/").content.decode())
    assert shown
    for purpose, lines in shown.items():
        for word in kept(lang):
            assert word in data_line(lines), (purpose, word)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_statistics_consent_names_no_ip_address_it_does_not_keep(policy, lang):
    """The cookie banner's answer is no ledger row: nothing of the request is kept with it."""
    text = render_consent(ConsentText(purpose=ANALYTICS, policy=policy), lang)
    assert not any(word in text for word in kept(lang))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_policy_drafted_for_the_lawyer_names_them(db, lang):
    purposes = policy_context(lang, 2)["purposes"]
    assert all(word in purposes for word in kept(lang))
