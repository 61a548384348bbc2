"""A visitor who chose a language with the header's switch finds it again at the bare address
(emaluplus-vko.kz/): the switch sets the language cookie, which the root's redirect reads. A first
visit still lands in Kazakh; an address that names its language is that language whatever the
cookie says, so the page cache never gives one visitor another's language (emalu/language.py)."""

import re

import pytest
from django.conf import settings
from django.test import Client

OTHER = {"kk": "ru", "ru": "kk"}
TITLE = {"kk": "«ЕМ АЛУ плюс» ЖШС", "ru": "ТОО «ЕМ АЛУ плюс»"}


def switch_link(html, code):
    """The href of the header's link to language `code`, as a browser follows it."""
    return re.search(rf'<a href="([^"]+)" hreflang="{code}"[^>]*>', html)[1].replace("&amp;", "&")


@pytest.mark.parametrize("page", ["", "about/", "services/", "privacy/", "no-such-page/"])
@pytest.mark.parametrize("start", ["kk", "ru"])
def test_the_language_chosen_by_the_link_is_where_the_bare_address_leads(db, start, page):
    other = OTHER[start]
    visitor = Client()
    assert visitor.get("/")["Location"] == "/kk/"  # the first visit
    html = visitor.get(f"/{start}/{page}", secure=True).content.decode()
    chosen = visitor.get(switch_link(html, other), secure=True)
    # The choice is answered by the page in that language at its own address, and remembered.
    assert chosen.status_code == 302 and chosen["Location"] == f"/{other}/{page}"
    cookie = chosen.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == other
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == "/" and not cookie["domain"] and cookie["max-age"] >= 86400 * 365
    assert "no-store" in chosen["Cache-Control"]
    assert visitor.get("/")["Location"] == f"/{other}/"
    assert visitor.get("/about/")["Location"] == f"/{other}/about/"


def test_the_switch_keeps_the_pages_query(db, texts):
    visitor = Client()
    html = visitor.get("/kk/services/").content.decode()
    link = switch_link(html.replace("/ru/services/?", "/ru/services/?service=demo-1&"), "ru")
    chosen = visitor.get(link)
    assert chosen["Location"] == "/ru/services/?service=demo-1"


@pytest.mark.parametrize("query", ["next=//evil.example/", "x=http://evil.example", "%0d%0aX:1"])
def test_the_switch_leads_to_this_sites_page_whatever_its_query(db, query):
    chosen = Client().get(f"/ru/about/?switch_language=ru&{query}")
    assert chosen.status_code == 302 and chosen["Location"].startswith("/ru/about/?")
    assert "\n" not in chosen["Location"] and "\r" not in chosen["Location"]


@pytest.mark.parametrize("page", ["contact/", "apply/", "newsletter/", "requests/new/"])
def test_the_language_chosen_on_a_form_page_is_remembered_too(db, texts, contact_data, page):
    """On a form page the switch is a button posting the form, as typed, to the page in the other
    language (works without JavaScript): that answer sets the cookie as the link's does."""
    visitor = Client()
    visitor.get(f"/kk/{page}")
    answer = visitor.post(f"/ru/{page}", {**contact_data(), "switch_language": "ru"})
    assert answer.status_code == 200 and '<html lang="ru"' in answer.content.decode()
    assert answer.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    assert visitor.get("/")["Location"] == "/ru/"


@pytest.mark.parametrize("value", ["kk", "en", "", "ru\x00"])
def test_a_choice_that_is_not_the_pages_language_is_no_choice(db, value):
    """`?switch_language=` naming another language, or none, leaves the cookie as it was and
    redirects nowhere: a link can only remember the language of the page it leads to."""
    visitor = Client()
    response = visitor.get("/ru/about/", {"switch_language": value})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert response.status_code in (200, 404)
    assert visitor.get("/")["Location"] == "/kk/"


def test_a_visit_without_the_switch_remembers_nothing(db):
    """Reading a page in Russian (from a search, a link) is no choice: the page sets no cookie,
    so the proxy may keep it and the bare address still follows the browser."""
    visitor = Client()
    page = visitor.get("/ru/")
    assert page.status_code == 200 and not page.cookies
    assert visitor.get("/")["Location"] == "/kk/"


@pytest.mark.parametrize("chosen", ["kk", "ru"])
def test_the_page_cache_serves_each_visitor_the_language_of_the_address(db, chosen):
    """One visitor's choice changes no page another reads: the root's redirect, which reads the
    cookie, is kept by no proxy or browser (nginx keys by address and ignores Vary), and every
    page is the language its address names, cookie or not, from the cache or not."""
    chooser = Client()
    chooser.get(f"/{chosen}/?switch_language={chosen}")
    root = chooser.get("/")
    assert root["Location"] == f"/{chosen}/"
    assert "no-store" in root["Cache-Control"] and "Cookie" in root["Vary"]
    for code in ("kk", "ru"):
        for visitor in (chooser, Client(), chooser):
            html = visitor.get(f"/{code}/").content.decode()
            assert f'<html lang="{code}"' in html and TITLE[code] in html
    assert Client().get("/")["Location"] == "/kk/"


@pytest.mark.parametrize(
    "lang,says",
    [("kk", "таңдаған тіліңізді есте сақтайтын cookie"),
     ("ru", "cookie, который запоминает выбранный язык")],
)  # fmt: skip
def test_the_cookie_settings_page_names_the_language_cookie(db, lang, says):
    """The visitor is told of the site's own cookies, the language one among them, and why no
    consent is asked for them, where they read about the statistics' cookies."""
    html = Client().get(f"/{lang}/cookies/").content.decode().replace("\xa0", " ")
    assert says in html


@pytest.mark.parametrize("spelt", ["switch%5Flanguage", "%73witch_language", "switch_languag%65"])
def test_a_choice_spelt_percent_encoded_ends_at_the_page(db, spelt):
    """`?switch%5Flanguage=ru` is the same choice to Django's query parser as `switch_language`;
    the redirect kept it in the query as it was spelt, so the page redirected to itself without
    end (the browser's «too many redirects»), and the switch's own link on such a page too."""
    visitor = Client()
    chosen = visitor.get(f"/ru/about/?{spelt}=ru&service=demo-1")
    assert chosen.status_code == 302 and chosen["Location"] == "/ru/about/?service=demo-1"
    assert chosen.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    assert visitor.get(chosen["Location"]).status_code in (200, 404)  # the page, not again
    html = visitor.get(f"/kk/about/?{spelt}=ru").content.decode()
    followed = visitor.get(switch_link(html, "ru"))
    assert followed.status_code == 302 and followed["Location"] == "/ru/about/"
