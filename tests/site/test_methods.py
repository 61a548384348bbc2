"""Every address answers the methods a browser, a mail client and the health checks send (GET,
HEAD, POST) and refuses any other with 405 and the Allow header. The function views answered
OPTIONS, TRACE, PUT, DELETE and PATCH as a GET: the whole page, status 200 (PUT with a token, or
to the unsubscribe link that takes none, too), and gunicorn passes them all on."""

import pytest

from consent.marketing.campaigns import unsubscribe_token

OTHER = ["OPTIONS", "TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"]


# The 405 page's title and text in each language, whole: an empty 405 is a blank page.
NOT_ACCEPTED = {
    "kk": ("Сұрау қабылданбады", "Бұл мекенжай браузеріңіз жіберген сұрауды қабылдамайды."),
    "ru": ("Запрос не принят", "Этот адрес не принимает запрос, который отправил ваш браузер."),
}


def assert_not_accepted_page(response, lang):
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert all(text in html for text in NOT_ACCEPTED[lang])


@pytest.mark.parametrize("method", OTHER)
@pytest.mark.parametrize("path,lang", [("/kk/", "kk"), ("/ru/about/", "ru"), ("/kk/contact/", "kk"),
                                       ("/ru/my-data/", "ru"), ("/healthz", "kk"),
                                       ("/robots.txt", "kk"), ("/admin/login/", "kk")])  # fmt: skip
def test_a_method_no_page_answers_is_refused(client, texts, method, path, lang):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert_not_accepted_page(response, lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_address_outside_the_language_prefix_refuses_in_the_browsers_language(client, lang):
    response = client.generic("PUT", "/robots.txt", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 405
    assert_not_accepted_page(response, lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_posted_to_a_page_that_only_shows_gets_the_page_in_its_language(client, texts, lang):
    """A post to a page that takes none (`require_safe`: the page every unsubscribe ends on) got
    Django's empty 405, which a browser shows as a blank page."""
    response = client.post(f"/{lang}/unsubscribe/done/", {"full_name": "Әсел"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert_not_accepted_page(response, lang)


@pytest.mark.parametrize("method", OTHER)
def test_the_unsubscribe_link_takes_no_other_method(client, texts, make_subject, method):
    token = unsubscribe_token(make_subject().pk, 1)
    assert client.generic(method, f"/kk/unsubscribe/{token}/").status_code == 405


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_the_usual_methods_are_answered(client, texts, method):
    assert client.generic(method, "/kk/").status_code == 200
