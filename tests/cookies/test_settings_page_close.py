"""The cookie settings page is where a choice is changed, not a banner over a page: it has no ×.
The × counts as Reject, so a visitor who had accepted and pressed it to leave the page withdrew
their consent unawares; on a page, the banner's × still closes it and counts as Reject."""

import pytest

from consent.cookies.banner import COOKIE
from tests.texts import BANNER_SHOWN

CLOSE = 'class="cookie-close"'


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_settings_page_offers_accept_and_reject_and_nothing_to_close(client, analytics, lang):
    assert CLOSE in client.get(f"/{lang}/about/").content.decode()  # the banner over a page
    data = {"choice": "accept", "next": f"/{lang}/about/", **BANNER_SHOWN}
    client.post("/cookies/choice", data, headers={"origin": "http://testserver"})
    assert COOKIE in client.cookies
    html = client.get(f"/{lang}/cookies/").content.decode()
    assert 'value="accept"' in html and 'value="reject"' in html
    assert CLOSE not in html and html.count('value="reject"') == 1
