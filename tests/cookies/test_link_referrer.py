"""Compliance L19: the secret of an emailed link, which the analytics never see on its own page,
is not handed to the next page either, whose analytics send where the visitor came from."""

import pytest

from tests.cookies.test_cookies import choose


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def test_a_page_with_a_links_secret_in_its_address_passes_only_the_sites_origin_on(
    client, analytics
):
    """The page a visitor goes to from a link's page is told the link's address, its secret
    included (document.referrer: the site's same-origin policy passes the whole address from one
    of its pages to the next), and, for a visitor who accepted, loads the scripts, which send it
    to Google and Yandex: the privacy policy opened from the footer of a request's confirmation
    page, the person's own page the self-service link's button leads to (a redirect keeps where
    the post came from). So the link's page, and its every answer (a post's, a redirect's, the
    404 of a link with something stuck after it), tells the browser to pass on the site's origin
    alone: not no referrer at all, which makes a browser send «Origin: null» with the page's
    form, and Django's CSRF check refuses that."""
    from tests.site.test_proxy import tokened_paths

    choose(client, "accept")
    for path in tokened_paths():
        for address in (path, f"{path})", path.rstrip("/")):
            for page in (client.get(address), client.post(address)):
                assert page["Referrer-Policy"] == "strict-origin", (address, page.status_code)
    assert client.get("/kk/about/")["Referrer-Policy"] == "same-origin"  # nothing passed abroad
