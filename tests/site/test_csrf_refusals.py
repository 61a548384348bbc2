"""A form the CSRF check refuses tells the visitor what went wrong and what to do, by its cause,
in their language, and stores nothing: the cookie missing (tests/site/test_errors.py); the form
not said to come from this site's own page (no Referer over HTTPS, as a privacy setting or
extension may leave out, or another site's Referer or Origin); or the form's token out of date.
Each once said that the browser had not sent the cookie back, which sent the visitor looking for
a cookie setting that was not at fault."""

import json

import pytest
from django.conf import settings
from django.test import Client

from consent.core.models import Subject, Submission

ELSEWHERE = {"kk": "сайттың өз бетінен жіберілгенін көрсетпеді",
             "ru": "форма отправлена с\xa0собственной страницы этого сайта"}  # fmt: skip
OUT_OF_DATE = {"kk": "Форма ескірген", "ru": "Форма устарела"}
COOKIE = {"kk": "cookie файлын кері жібермеді", "ru": "cookie"}


def browser(lang):
    """A browser that opened the form over HTTPS: it holds the site's cookie, and the page's
    token is the cookie's own value."""
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/{lang}/contact/", secure=True).status_code == 200
    return client, client.cookies[settings.CSRF_COOKIE_NAME].value


def refused(response, lang, said, not_said):
    assert response.status_code == 403
    refused_as(response, lang, said, not_said)


def refused_as(response, lang, said, not_said):
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and said in html and not_said not in html
    assert not Submission.objects.exists() and not Subject.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "headers",
    [{}, {"referer": "https://evil.example/kk/contact/"}, {"origin": "https://evil.example"},
     {"referer": "not a url"}],
    ids=["no referer", "another site's referer", "another site's origin", "malformed referer"],
)  # fmt: skip
def test_a_form_not_said_to_come_from_this_site_says_so(texts, contact_data, lang, headers):
    client, token = browser(lang)
    data = contact_data(csrfmiddlewaretoken=token)
    response = client.post(f"/{lang}/contact/", data, secure=True, headers=headers)
    refused(response, lang, ELSEWHERE[lang], COOKIE[lang])


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("token", ["", "x" * 64, "A" * 32])
def test_a_form_whose_token_is_out_of_date_says_so(texts, contact_data, lang, token):
    client, _cookie = browser(lang)
    referer = {"referer": f"https://testserver/{lang}/contact/"}
    response = client.post(f"/{lang}/contact/", contact_data(csrfmiddlewaretoken=token),
                           secure=True, headers=referer)  # fmt: skip
    refused(response, lang, OUT_OF_DATE[lang], ELSEWHERE[lang])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_same_form_from_this_sites_page_is_taken(texts, contact_data, lang):
    """The control: the page's token and its own Referer, over HTTPS, are accepted."""
    client, token = browser(lang)
    referer = {"referer": f"https://testserver/{lang}/contact/"}
    response = client.post(f"/{lang}/contact/", contact_data(csrfmiddlewaretoken=token),
                           secure=True, headers=referer)  # fmt: skip
    assert response.status_code == 302 and Submission.objects.count() == 1


NOT_READ = {"kk": "Сайт браузеріңіз жіберген форманы оқи алмады",
            "ru": "Сайт не смог прочитать форму"}  # fmt: skip
# What a form posted in a media type Django does not read looks like: a <form> of
# enctype="text/plain" (one field a line), JSON, or multipart that is not form-data.
UNREAD_BODIES = {
    "text/plain": lambda data: "\r\n".join(f"{k}={v}" for k, v in data.items()),
    "application/json": lambda data: json.dumps(data),
    "multipart/mixed; boundary=b0": lambda data: "--b0\r\n\r\nx\r\n--b0--\r\n",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("media_type", UNREAD_BODIES)
def test_a_form_sent_in_a_type_the_site_cannot_read_says_so(texts, contact_data, lang, media_type):
    """Django reads a post's fields from a form's two media types alone: any other left them
    empty, so the CSRF check found no token and the page said the form was out of date, which
    opening it again never mends. The page says the form could not be read, in the visitor's
    language, and nothing is stored."""
    client, token = browser(lang)
    referer = {"referer": f"https://testserver/{lang}/contact/"}
    body = UNREAD_BODIES[media_type](contact_data(csrfmiddlewaretoken=token))
    response = client.post(f"/{lang}/contact/", body, content_type=media_type, secure=True,
                           headers=referer)  # fmt: skip
    assert response.status_code == 415
    refused_as(response, lang, NOT_READ[lang], OUT_OF_DATE[lang])
