"""The pages an emailed link opens, tapped on a phone: «Subscribe again» after unsubscribing, or
under a newsletter link that no longer works, was a line of text 23 px high, a link alone in its
paragraph that the site's other pages make a 44 px target (`.alone`). The forms' and site's
pages are measured in tests/forms/test_browser.py, by the same measure."""

import pytest

from tests.forms.test_browser import TAP_TARGETS
from tests.live import shell, site_env

pytestmark = [pytest.mark.live, pytest.mark.browser]

READER = """
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.texts import current_text
from consent.marketing.campaigns import unsubscribe_token
reader = Subject.objects.create(full_name="Дана Ержанқызы", email="{email}", language="{lang}")
consent_grant(reader, current_text("marketing"), language="{lang}", source=Source.NEWSLETTER_FORM)
print(unsubscribe_token(reader.pk, 0))
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_subscribe_again_after_unsubscribing_is_a_thumbs_target(site, phone, lang):
    base, url = site
    token = shell(READER.format(email=f"reader-{lang}@example.kz", lang=lang), site_env(url))
    phone.goto(f"{base}/{lang}/unsubscribe/{token.strip()}/")
    phone.click("main button[type=submit]")
    phone.wait_for_selector("main a[href$='/newsletter/']")
    assert phone.evaluate(TAP_TARGETS) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_subscribe_again_under_a_broken_newsletter_link_is_a_thumbs_target(site, phone, lang):
    base, _ = site
    phone.goto(f"{base}/{lang}/newsletter/confirm/damaged/")
    assert phone.locator("main a[href$='/newsletter/']").count() == 1
    assert phone.evaluate(TAP_TARGETS) == []
