"""«Reject» expires the analytics cookies the browser sent, by name: a name that begins as an
analytics one but holds a character Python's cookie writer refuses («_ga[1]», «_ga(x)»,
«_ym uid», «_gaä»: set by another site under the same domain, a browser extension, or sent by
hand) made the answer a 500, its choice unrecorded, whether it came from the banner's form, its
script or a form page's banner. No analytics script of the site sets such a name, so it is left
as it is; the answer is recorded and every cookie that can be expired is."""

import pytest

from consent.cookies.banner import COOKIE, PAGE_FIELD
from consent.cookies.models import CookieChoice
from consent.cookies.views import IN_PLACE
from tests.texts import BANNER_SHOWN, as_shown

ODD = ["_ga[1]", "_ga(x)", "_ga,x", "_ga/x", "_ym uid", "_ga?x", "_gid@x", "_gcl{x}", "_ga\\x"]
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def analytics(settings, texts):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def sent_with(name):
    """The Cookie header of a browser holding `name` beside the cookies Google Analytics and
    Metrica set (the test client's own jar refuses such a name, as Python's writer does)."""
    return {"HTTP_COOKIE": f"{name}=1; _ga=GA1.1.123; _ym_uid=456", **ORIGIN}


def expired(response):
    return {key for key, morsel in response.cookies.items() if morsel["max-age"] == 0}


def rejected(response):
    return (
        ".reject." in response.cookies[COOKIE].value
        and CookieChoice.objects.filter(choice=CookieChoice.Choice.REJECT).count() == 1
    )


@pytest.mark.parametrize("name", ODD)
def test_the_banner_form_takes_a_reject_beside_a_cookie_of_an_odd_name(client, analytics, name):
    data = as_shown(client, "/kk/about/", {"choice": "reject", "next": "/kk/about/",
                                           **BANNER_SHOWN})  # fmt: skip
    response = client.post("/cookies/choice", data, **sent_with(name))
    assert response.status_code == 302 and response["Location"] == "/kk/about/"
    assert rejected(response) and {"_ga", "_ym_uid"} <= expired(response)


@pytest.mark.parametrize("name", ODD[:3])
def test_the_banner_script_takes_a_reject_beside_a_cookie_of_an_odd_name(client, analytics, name):
    data = as_shown(client, "/ru/about/", {"choice": "reject", "next": "/ru/about/",
                                           **BANNER_SHOWN})  # fmt: skip
    response = client.post("/cookies/choice", data, HTTP_X_REQUESTED_WITH=IN_PLACE,
                           **sent_with(name))  # fmt: skip
    assert response.status_code == 204
    assert rejected(response) and {"_ga", "_ym_uid"} <= expired(response)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_page_takes_a_reject_beside_a_cookie_of_an_odd_name(client, analytics, lang):
    data = as_shown(client, f"/{lang}/contact/", {"full_name": "Әсел", PAGE_FIELD: "reject",
                                                   **BANNER_SHOWN})  # fmt: skip
    response = client.post(f"/{lang}/contact/", data, **sent_with("_ga[1]"))
    assert response.status_code == 200 and 'value="Әсел"' in response.content.decode()
    assert rejected(response) and {"_ga", "_ym_uid"} <= expired(response)
