"""Compliance L19: a banner's answer refused for where it came from (the banner carries no CSRF
token; consent.common.net.sent_from_this_site) is told why, in the visitor's language."""

import pytest
from django.test import Client

from consent.cookies.banner import COOKIE
from consent.cookies.models import CookieChoice
from tests.texts import BANNER_SHOWN


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


@pytest.mark.parametrize(
    "lang,said",
    [
        ("ru", "Браузер не сообщил, что форма отправлена с\xa0собственной страницы этого сайта."),
        ("kk", "Браузеріңіз форманың осы сайттың өз бетінен жіберілгенін көрсетпеді."),
    ],
)
def test_an_answer_refused_for_where_it_came_from_says_why_in_the_pages_language(
    analytics, lang, said
):
    """A browser that tells no page the banner's answer came from («Origin: null», as a privacy
    setting or extension sends) was refused with «Access denied», which says nothing of what to
    do, and in the language the browser's Accept-Language named, or Kazakh: /cookies/choice names
    none. A visitor reading a Russian page with an English browser read «Қолжетімділік жоқ». Now
    it is what the CSRF check says of any other form refused so, in the language of the page the
    banner was on."""
    visitor = Client(enforce_csrf_checks=True)
    data = {"choice": "accept", "next": f"/{lang}/about/", **BANNER_SHOWN}
    headers = {"origin": "null", "accept-language": "en-US,en;q=0.9"}
    response = visitor.post("/cookies/choice", data, headers=headers)
    assert response.status_code == 403 and response["Content-Language"] == lang
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and said in html
    assert COOKIE not in response.cookies and CookieChoice.objects.count() == 0
