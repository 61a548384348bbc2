"""A link of the menu, the footer or a page's list of links is named as the page it opens is
titled: the footer's «Your data» opened «Ask for a link to your data» and «Your data: requests»
opened «A request about your personal data», and a visitor looking for the name they clicked
found another. Each link is followed as a visitor without a session follows it, and its text
compared with the page's <title> (before « · ») and its <h1>."""

import html
import re

import pytest

# The home page is titled with the company's name; the language switch names a language.
NOT_TITLES = {"/kk/", "/ru/"}
LINK = re.compile(r'<a href="(/[^"]*)"(?![^>]*hreflang)[^>]*>(.*?)</a>', re.S)
LISTS = re.compile(r"<nav\b.*?</nav>|<ul class=\"link-list\">.*?</ul>", re.S)


def _text(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _named(client, lang, path):
    """(link text, href) of every link in a menu or a list of links on the page at `path`."""
    page = client.get(f"/{lang}/{path}").content.decode()
    return {
        (_text(text), href)
        for block in LISTS.findall(page)
        for href, text in LINK.findall(block)
        if href not in NOT_TITLES
    }


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_link_is_named_as_its_page_is_titled(client, texts, lang, settings):
    settings.YANDEX_METRICA_ID = "12345678"  # the footer then links the cookie settings too
    links = _named(client, lang, "") | _named(client, lang, "privacy/")
    assert {href for _, href in links} >= {f"/{lang}/my-data/", f"/{lang}/requests/new/"}
    for name, href in sorted(links):
        response = client.get(href)
        if response.status_code == 404 and href.endswith("/about/"):
            continue  # About is staff's page, titled by them, and not there until they write it
        page = response.content.decode()
        title = _text(re.search(r"<title>(.*?)</title>", page, re.S)[1]).split(" · ")[0]
        assert (href, name) == (href, title)
        if not href.endswith("/privacy/"):  # its <h1> is the published version's own title
            assert (href, name) == (href, _text(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]))
