"""The banner answered from the page by its script (static/js/cookie-banner.js): a reload
would empty a form the visitor was filling in. The answer has the posted form's effects."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from consent.cookies.banner import COOKIE
from consent.cookies.models import CookieChoice
from tests.texts import BANNER_SHOWN

SCRIPT = "js/cookie-banner.js"
FORM_PAGES = ["/kk/contact/", "/ru/apply/", "/kk/newsletter/", "/ru/requests/new/", "/kk/my-data/"]


@pytest.fixture
def analytics(settings, texts):  # published texts: the form pages show their forms
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def answer(client, choice, origin="http://testserver"):
    """What the script sends: the form's fields and the pressed button, and its header."""
    data = {"choice": choice, "next": "/kk/apply/", **BANNER_SHOWN}
    headers = {"origin": origin, "x-requested-with": "fetch"}
    return client.post("/cookies/choice", data, headers=headers)


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_page_with_a_form_answers_the_banner_in_place(client, analytics, path):
    html = client.get(path).content.decode()
    assert "data-in-place" in html and f'<script src="/static/{SCRIPT}" defer></script>' in html
    assert 'name="cookie_choice" value="accept"' in html  # the page's form's: tests/cookies/
    assert 'name="cookie_choice" value="reject"' in html  # test_no_script.py, without the script
    assert finders.find(SCRIPT)  # served by the site itself: the CSP's 'self'


def test_the_script_is_loaded_only_while_the_banner_asks(client, analytics):
    assert SCRIPT not in client.get("/kk/cookies/").content.decode()  # posted there: it says
    answer(client, "reject")
    assert SCRIPT not in client.get("/kk/apply/").content.decode()


@pytest.mark.parametrize("choice", ["accept", "reject"])
def test_an_answer_from_the_page_stays_on_it_and_holds(client, analytics, choice):
    response = answer(client, choice)
    assert response.status_code == 204 and response.content == b""
    assert response.cookies[COOKIE].value.split(".")[1] == choice
    assert list(CookieChoice.objects.values_list("choice", flat=True)) == [choice]
    page = client.get("/kk/about/")
    assert "cookie-banner" not in page.content.decode()
    widened = "https://www.googletagmanager.com" in page["Content-Security-Policy"]
    assert widened == (choice == "accept")
    assert (b"googletagmanager.com/gtag/js" in page.content) == (choice == "accept")


def test_reject_from_the_page_expires_the_analytics_cookies(client, analytics):
    client.cookies["_ga"] = "GA1.1.123"
    client.cookies["_ym_uid"] = "456"
    response = answer(client, "reject")
    expired = {morsel.key for morsel in response.cookies.values() if morsel["max-age"] == 0}
    assert {"_ga", "_ym_uid"} <= expired


@pytest.mark.parametrize("choice", ["", "maybe", "accept\x00"])
def test_an_answer_that_is_no_choice_is_refused_and_records_nothing(client, analytics, choice):
    response = answer(client, choice)
    assert response.status_code == 400 and COOKIE not in response.cookies
    assert CookieChoice.objects.count() == 0


def test_an_answer_from_another_site_is_refused_with_the_header_too(analytics):
    response = answer(Client(enforce_csrf_checks=True), "accept", origin="https://evil.example")
    assert response.status_code == 403 and COOKIE not in response.cookies
    assert CookieChoice.objects.count() == 0


def test_an_acceptance_not_taken_is_not_answered_as_done(client, analytics, settings):
    """Over COOKIE_CHOICE_RATE_LIMIT an acceptance is not taken (banner.log_choice). The script
    was answered 204 all the same and removed the banner as if it were; the next page asked
    again. It is told 429, and the banner stays and says why (static/js/cookie-banner.js)."""
    settings.COOKIE_CHOICE_RATE_LIMIT = "1/600"
    answer(Client(), "reject")
    response = answer(client, "accept")
    assert response.status_code == 429 and COOKIE not in response.cookies
    assert CookieChoice.objects.count() == 1
    html = client.get("/kk/apply/").content.decode()
    hidden = 'class="cookie-not-taken error-message" role="alert" hidden'
    assert hidden in html  # until the script shows it
    script = Path(finders.find(SCRIPT)).read_text(encoding="utf-8")
    assert "response.status === 429" in script and ".cookie-not-taken" in script
