"""Compliance L19, Law 94-V art. 8: analytics load only for an acceptance the site logged. The
banner cookie is the visitor's to change: one set by hand, by a script of a sibling subdomain,
altered, out of date or signed for another site is no answer, and the banner asks again."""

import datetime as dt
import logging
import uuid

import pytest
from django.core import signing
from django.test import Client

from consent.cookies.banner import COOKIE, SECURE_COOKIE
from consent.cookies.models import CookieChoice
from tests.texts import BANNER_SHOWN

from .test_cookies import FOREIGN, choose

# A fixed id: the parametrized ids below hold it, and every xdist worker must collect the same.
HEX = uuid.UUID(int=0x5EED).hex


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def visit(cookie, path="/kk/", secure=False):
    """A page asked for with this Cookie header, as a browser (or curl) sends it."""
    return Client().get(path, headers={"cookie": cookie}, secure=secure)


def asks_again(cookie, secure=False):
    """The site treats this cookie as no answer: the banner, nothing loaded, the CSP strict."""
    page = visit(cookie, secure=secure)
    html = page.content.decode()
    assert page.status_code == 200 and 'class="cookie-banner"' in html
    assert not any(host in html for host in FOREIGN)
    assert "google" not in page["Content-Security-Policy"] and page["X-Cookie-Choice"] == "-"
    assert visit(cookie, "/analytics-config.js", secure).content == b""
    assert "cookie-banner" in visit(cookie, "/ru/cookies/", secure).content.decode()
    return True


def accepted_cookie(secure=False):
    client = Client()
    origin = f"http{'s' if secure else ''}://testserver"
    data = {"choice": "accept", "next": "/kk/", **BANNER_SHOWN}
    response = client.post("/cookies/choice", data, secure=secure, headers={"origin": origin})
    return response.cookies[SECURE_COOKIE if secure else COOKIE]


def sign(value, salt="consent.cookies.choice:http://127.0.0.1:8000"):
    return signing.TimestampSigner(salt=salt).sign(value)


@pytest.mark.parametrize(
    "value",
    [
        f"1.accept.{HEX}",  # the shape the site used before it signed: set by hand
        f"1.accept.{HEX}:1abc:{'A' * 43}",  # a signature made up
        "1.accept.x:y:z",
        "1.accept",
        ":::",
        "1.accept." + "f" * 5000,
        "1.%D0%B0ccept.x",
        '"1.accept.x"',
    ],
)
def test_a_cookie_set_by_hand_to_accept_is_no_answer(analytics, value):
    assert asks_again(f"{COOKIE}={value}")
    assert CookieChoice.objects.count() == 0


def test_the_cookie_of_an_acceptance_names_its_logged_row(analytics, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    morsel = accepted_cookie()
    assert morsel["httponly"] and morsel["samesite"] == "Lax"
    row = CookieChoice.objects.get()
    assert row.choice == "accept"
    assert (
        signing.TimestampSigner(salt="consent.cookies.choice:http://127.0.0.1:8000").unsign(
            morsel.value
        )
        == f"{row.policy_version}.accept.{row.visitor.hex}"
    )
    page = visit(f"{COOKIE}={morsel.value}")
    assert (
        "googletagmanager" in page.content.decode() and "cookie-banner" not in page.content.decode()
    )


def test_an_altered_cookie_is_no_answer(analytics):
    """A signed acceptance given another answer, another row's id or another policy version
    fails its signature."""
    head, stamp, signature = accepted_cookie().value.split(":")
    version, _choice, visitor = head.split(".")
    for changed in (f"{version}.reject.{visitor}", f"{version}.accept.{HEX}",
                    f"{int(version) + 1}.accept.{visitor}"):  # fmt: skip
        assert asks_again(f"{COOKIE}={changed}:{stamp}:{signature}")


def test_an_acceptance_signed_for_another_site_or_key_is_no_answer(analytics, settings):
    """A sibling site of the same code (a test copy, another domain) signs with its own address,
    or its own key: its visitors' cookies mean nothing here."""
    value = f"1.accept.{HEX}"
    assert asks_again(f"{COOKIE}={sign(value, 'consent.cookies.choice:https://other.example')}")
    foreign = signing.TimestampSigner(key="another-site-key", salt="consent.cookies.choice:"
                                      + settings.SITE_URL).sign(value)  # fmt: skip
    assert asks_again(f"{COOKIE}={foreign}")


def test_an_acceptance_over_a_year_old_is_no_answer(analytics, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    cookie = f"{COOKIE}={accepted_cookie().value}"
    assert "cookie-banner" not in visit(cookie).content.decode()
    time_machine.shift(dt.timedelta(days=366))
    assert asks_again(cookie)


def test_over_https_only_the_hosts_own_cookie_counts(analytics):
    """A page of a sibling subdomain can give this host a cookie `Domain=.<parent>`, even one the
    site signed for somebody else; it cannot give a __Host- one. Over HTTPS the answer is kept
    and read under that name alone."""
    morsel = accepted_cookie(secure=True)
    assert morsel["secure"] and morsel["path"] == "/" and not morsel["domain"]
    assert (
        "googletagmanager" in visit(f"{SECURE_COOKIE}={morsel.value}", secure=True).content.decode()
    )
    assert asks_again(f"{COOKIE}={morsel.value}", secure=True)  # the name any subdomain may set


def test_an_acceptance_over_the_bound_is_not_taken_without_its_row(analytics, settings, caplog):
    """One address over COOKIE_CHOICE_RATE_LIMIT: a refusal still holds unlogged (nothing is
    processed on it), an acceptance that cannot be proved is not taken, and a withdrawal is
    logged all the same, in one click."""
    settings.COOKIE_CHOICE_RATE_LIMIT = "2/600"
    accepter = Client()
    choose(accepter, "accept")
    choose(Client(), "reject")
    with caplog.at_level(logging.WARNING, logger="emalu.security"):
        late = Client()
        response = choose(late, "accept")
        assert response.status_code == 302 and COOKIE not in response.cookies
        assert asks_again("")
        assert "cookie-banner" in late.get("/kk/").content.decode()
        assert COOKIE in choose(Client(), "reject").cookies  # held, unlogged
        withdrawn = choose(accepter, "reject")
    assert withdrawn.status_code == 302 and ".reject." in withdrawn.cookies[COOKIE].value
    rows = list(CookieChoice.objects.order_by("id").values_list("choice", flat=True))
    assert rows == ["accept", "reject", "reject"]  # the withdrawal is the third
    assert "googletagmanager" not in accepter.get("/kk/").content.decode()


def test_an_acceptance_over_the_bound_on_a_page_with_a_form_loads_nothing(
    analytics, texts, settings
):
    settings.COOKIE_CHOICE_RATE_LIMIT = "1/600"
    choose(Client(), "reject")
    page = Client().post("/kk/contact/", {"cookie_choice": "accept", **BANNER_SHOWN})
    html = page.content.decode()
    assert page.status_code == 200 and COOKIE not in page.cookies
    assert "googletagmanager" not in html and "cookie-banner" in html
    assert CookieChoice.objects.count() == 1


def test_one_acceptance_is_withdrawn_in_the_log_once_over_the_bound(analytics, settings):
    """A withdrawal over COOKIE_CHOICE_RATE_LIMIT is logged: once for the acceptance it ends. A
    script that keeps one signed acceptance and posts «reject» with it again and again held
    every post for a withdrawal, and wrote an append-only row each time, past any bound."""
    settings.COOKIE_CHOICE_RATE_LIMIT = "2/600"
    accepted = accepted_cookie().value
    choose(Client(), "reject")
    for _ in range(5):
        replay = Client()
        replay.cookies[COOKIE] = accepted
        withdrawn = choose(replay, "reject")
        assert withdrawn.status_code == 302 and ".reject." in withdrawn.cookies[COOKIE].value
        assert "googletagmanager" not in replay.get("/kk/").content.decode()
    rows = list(CookieChoice.objects.order_by("id").values_list("visitor", "choice"))
    assert [choice for _visitor, choice in rows] == ["accept", "reject", "reject"]
    assert rows[2][0] == rows[0][0]  # the withdrawal names the acceptance it ends


NOTE = {
    "kk": "Келісіміңіз қазір тіркелмеді",
    "ru": "Ваше согласие сейчас не удалось записать",
}


def shown(html, lang):
    """The banner's note that an acceptance was not taken, shown (not `hidden`)."""
    note = html.split('class="cookie-not-taken error-message"', 1)[1].split("</p>", 1)[0]
    return NOTE[lang] in note and "hidden" not in note.split(">", 1)[0]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_acceptance_over_the_bound_says_so_in_the_pages_language(analytics, settings, lang):
    """A visitor whose acceptance was not taken was sent back to their page with the banner
    asking again and no word why; they read it, on the cookie settings page in their language."""
    settings.COOKIE_CHOICE_RATE_LIMIT = "1/600"
    choose(Client(), "reject")
    late = Client()
    data = {"choice": "accept", "next": f"/{lang}/about/", **BANNER_SHOWN}
    response = late.post("/cookies/choice", data, headers={"origin": "http://testserver"})
    assert (
        response.status_code == 302 and response["Location"] == f"/{lang}/cookies/?not-taken=busy"
    )
    page = late.get(response["Location"]).content.decode()
    assert shown(page, lang) and page.count('class="cookie-banner"') == 1
    assert not shown(late.get(f"/{lang}/cookies/").content.decode(), lang)  # asked anew: quiet
    assert not shown(late.get(f"/{lang}/about/").content.decode(), lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_acceptance_over_the_bound_on_a_form_page_says_so(analytics, texts, settings, lang):
    settings.COOKIE_CHOICE_RATE_LIMIT = "1/600"
    choose(Client(), "reject")
    page = Client().post(
        f"/{lang}/contact/", {"cookie_choice": "accept", "full_name": "Әсел", **BANNER_SHOWN}
    )
    html = page.content.decode()
    assert page.status_code == 200 and shown(html, lang) and 'value="Әсел"' in html
