"""Compliance L1, L2: a person is shown a consent to act on or ask about only when the forms ask
for it now, or when they have a record of it (then with what they can still do). With nobody
abroad configured, as in the demo, no cross-border text is published and no form asks for that
consent: /kk/my-data/ still listed «Шетелдік сервистер арқылы өңдеу — берілмеген —» with no
button and no word why, and the request form offered to withdraw it
(consent.core.transfers.purposes_shown, the one home of that list)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import ConsentText, Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.core.texts import text_publish
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.rights.test_selfservice import opened
from tests.texts import texts_publish

LANGUAGES = ["kk", "ru"]


@pytest.fixture
def demo_texts(policy):
    """What `make run` publishes (load_demo): a text for every purpose but the cross-border one,
    nobody abroad being configured."""
    codes = [code for code in PURPOSES if code != CROSS_BORDER]
    return {
        code: text_publish(ConsentText.objects.create(purpose=code, version=1, policy=policy))
        for code in codes
    }


def name(code, lang):
    with translation.override(lang):
        return str(PURPOSES[code].name)


def asel(make_subject, texts):
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    return person


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_consent_no_form_asks_for_is_not_on_the_page(client, demo_texts, make_subject, lang):
    asel(make_subject, demo_texts)
    page = opened(client, None, lang).get(f"/{lang}/my-data/").content.decode()
    assert name(SERVICE, lang) in page and name(MARKETING, lang) in page
    assert name(CROSS_BORDER, lang) not in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_request_form_offers_to_withdraw_only_what_someone_may_hold(
    client, demo_texts, settings, lang
):
    settings.FORM_RATE_LIMIT = "1000/60"
    page = client.get(f"/{lang}/requests/new/").content.decode()
    assert f'value="{MARKETING}"' in page and f'value="{SERVICE}"' in page
    assert f'value="{CROSS_BORDER}"' not in page and name(CROSS_BORDER, lang) not in page
    # Posted all the same (a page shown before, a crafted post): told so, nothing opened.
    data = {"token": aged_token(), "type": "withdraw", "email": "asel@example.kz",
            "purpose": CROSS_BORDER, "message": ""}  # fmt: skip
    response = client.post(f"/{lang}/requests/new/", data)
    assert response.status_code == 200
    with translation.override(lang):
        assert gettext("This choice is not offered. Reload the page and try again.") in (
            response.content.decode()
        )
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_consent_held_but_no_longer_asked_for_says_what_can_be_done(
    client, policy, make_subject, lang
):
    """The cross-border consent was given while someone abroad was named (its text published
    then); now nobody is configured. Given, it stays on the page with its «withdraw» button;
    withdrawn, it stays as a record and says it is no longer asked for, with no button."""
    texts = texts_publish(policy)  # the cross-border text names a processor no longer set
    person = asel(make_subject, texts)
    consent_grant(person, texts[CROSS_BORDER], language="kk", source=Source.APPLICATION_FORM)
    page = opened(client, person, lang).get(f"/{lang}/my-data/").content.decode()
    assert name(CROSS_BORDER, lang) in page
    assert f'name="withdraw" value="{CROSS_BORDER}"' in page
    consent_withdraw(person, CROSS_BORDER, source=Source.SELF_SERVICE)
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert name(CROSS_BORDER, lang) in page
    assert f'value="{CROSS_BORDER}"' not in page  # neither give nor withdraw
    with translation.override(lang):
        assert gettext("We no longer ask for this consent.") in page
