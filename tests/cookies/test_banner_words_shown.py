"""An acceptance on the cookie banner is taken only to the words the banner showed (Law 94-V
art. 8; compliance L19), as a consent's box is (tests/forms/test_texts_not_named.py). A page
opened before a release or a setting changed the banner, a script, or a post naming no words,
is asked again, and says why in the page's language; a refusal is taken whatever it names."""

import re

import pytest
from django.test import Client

from consent.cookies.banner import COOKIE
from consent.cookies.models import BannerWording, CookieChoice
from consent.cookies.wording import SHOWN_FIELD

ORIGIN = {"origin": "http://testserver"}
IN_PLACE = {**ORIGIN, "x-requested-with": "fetch"}
CHANGED = {
    "kk": "Бұл бет ашылғаннан бері жоғарыдағы мәтін өзгерді",
    "ru": "Текст выше изменился, пока страница была открыта",
}


@pytest.fixture
def analytics(settings, texts):  # published texts: the form pages show their forms
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = ""


def banner_shown(html):
    """The value the page's banner posts back for the words it shows."""
    return re.search(rf'name="{SHOWN_FIELD}" value="([0-9a-f]{{64}})"', html)[1]


NOTE = 'class="cookie-words-changed error-message" role="alert"'


def says_changed(html, lang):
    return CHANGED[lang] in html and NOTE in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_words_a_page_shows_are_the_words_its_acceptance_is_kept_with(analytics, lang):
    visitor = Client()
    shown = banner_shown(visitor.get(f"/{lang}/about/").content.decode())
    data = {"choice": "accept", "next": f"/{lang}/about/", SHOWN_FIELD: shown}
    response = visitor.post("/cookies/choice", data, headers=ORIGIN)
    assert response.status_code == 302 and COOKIE in response.cookies
    assert CookieChoice.objects.get().wording.digest == shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_acceptance_of_a_page_from_before_the_banner_changed_is_asked_again(
    analytics, settings, lang
):
    visitor = Client()
    shown = banner_shown(visitor.get(f"/{lang}/about/").content.decode())
    settings.YANDEX_METRICA_ID = "98765"  # a release: the banner now names a second service
    data = {"choice": "accept", "next": f"/{lang}/about/", SHOWN_FIELD: shown}
    response = visitor.post("/cookies/choice", data, headers=ORIGIN)

    assert COOKIE not in response.cookies and not CookieChoice.objects.exists()
    assert not BannerWording.objects.exists()
    assert response["Location"] == f"/{lang}/cookies/?not-taken=changed"
    page = visitor.get(response["Location"]).content.decode()
    assert says_changed(page, lang) and page.count('class="cookie-banner"') == 1
    assert banner_shown(page) != shown  # the words as they are now, to be read and answered
    assert "Yandex" in page or "Яндекс" in page
    assert not says_changed(visitor.get(f"/{lang}/cookies/").content.decode(), lang)

    again = {**data, SHOWN_FIELD: banner_shown(page)}
    assert COOKIE in visitor.post("/cookies/choice", again, headers=ORIGIN).cookies
    assert "Яндекс" in CookieChoice.objects.get().wording.text or (
        "Yandex" in CookieChoice.objects.get().wording.text
    )


@pytest.mark.parametrize("words", [None, "", "0" * 64, "garbage", "1:" + "a" * 64])
def test_an_acceptance_naming_no_words_or_others_is_not_taken(analytics, words):
    data = {"choice": "accept", "next": "/kk/"}
    if words is not None:
        data[SHOWN_FIELD] = words
    response = Client().post("/cookies/choice", data, headers=ORIGIN)
    assert response.status_code == 302 and COOKIE not in response.cookies
    assert not CookieChoice.objects.exists()


@pytest.mark.parametrize("words", [None, "0" * 64])
def test_a_refusal_is_taken_whatever_words_it_names(analytics, words):
    data = {"choice": "reject", "next": "/ru/"} | ({SHOWN_FIELD: words} if words else {})
    response = Client().post("/cookies/choice", data, headers=ORIGIN)
    assert response.cookies[COOKIE].value.split(".")[1] == "reject"
    assert CookieChoice.objects.get().choice == "reject"


def test_the_script_is_told_the_words_changed_and_nothing_is_kept(analytics):
    """The script then posts the form as without it (static/js/cookie-banner.js), whose page
    says so (above)."""
    data = {"choice": "accept", "next": "/kk/apply/", SHOWN_FIELD: "0" * 64}
    response = Client().post("/cookies/choice", data, headers=IN_PLACE)
    assert response.status_code == 409 and COOKIE not in response.cookies
    assert not CookieChoice.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_acceptance_with_a_pages_own_form_to_changed_words_keeps_what_was_typed(
    analytics, settings, lang
):
    visitor = Client()
    html = visitor.get(f"/{lang}/contact/").content.decode()
    shown = banner_shown(html)
    assert f'name="{SHOWN_FIELD}" value="{shown}" form="' in html  # posted with the page's form
    settings.YANDEX_METRICA_ID = "98765"
    page = visitor.post(f"/{lang}/contact/", {"cookie_choice": "accept", "full_name": "Әсел",
                                              SHOWN_FIELD: shown})  # fmt: skip
    html = page.content.decode()
    assert page.status_code == 200 and says_changed(html, lang) and 'value="Әсел"' in html
    assert COOKIE not in page.cookies and not CookieChoice.objects.exists()
