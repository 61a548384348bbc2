"""An address with «..», «.» or «//» in its path: sent on to the page a browser would have
asked for (emalu.middleware.NormalPathMiddleware), never to another host."""

import pytest
from django.test import Client

from tests.site.test_gunicorn_limits import port, sent  # noqa: F401  (the served site)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "asked,sent_to",
    [
        ("/kk/../ru/contact/", "/ru/contact/"),
        ("/kk/%2e%2e/ru/contact/?service=x", "/ru/contact/?service=x"),
        ("/kk//contact/", "/kk/contact/"),
        ("/ru/./about/", "/ru/about/"),
        ("/ru/about/..", "/ru/"),
        ("/.//evil.example/", "/evil.example/"),
        ("/./\\evil.example/", "/%5Cevil.example/"),  # «/\» is «//» to a browser
        ("/../../admin/", "/admin/"),
        ("/kk/services/../%D0%B0/", "/kk/%D0%B0/"),
    ],
)
def test_a_path_with_dot_or_empty_segments_is_sent_to_the_page_it_names(asked, sent_to):
    """«/kk/../ru/contact/» got the Kazakh 404 for what is the Russian form."""
    response = Client().get(asked)
    assert response.status_code == 301
    assert response["Location"] == sent_to


def test_the_page_it_is_sent_to_is_in_its_language(texts):
    response = Client().get("/kk/../ru/contact/", follow=True)
    assert response.status_code == 200 and '<html lang="ru">' in response.content.decode()


@pytest.mark.parametrize("path", ["/kk/contact/", "/kk/...", "/kk/.x/", "/"])
def test_a_plain_path_is_not_sent_anywhere(path):
    assert Client().get(path).status_code != 301


def test_a_post_is_sent_on_as_a_post(texts, contact_data):
    """A 301 would lose a form's post, and so did the 404 it had: a 308, which a browser
    follows with the same post (tests/forms/test_posted_elsewhere.py follows it)."""
    response = Client().post("/kk/../ru/contact/", contact_data())
    assert (response.status_code, response["Location"]) == (308, "/ru/contact/")


@pytest.mark.live
def test_an_address_of_two_slashes_stays_on_the_site(port):  # noqa: F811
    """«//host/» is another host to a browser: the path it is sent to begins with one slash."""
    for path, location in [(b"//evil.example/", "/evil.example/"), (b"//kk//", "/kk/")]:
        answer = sent(port, b"GET " + path + b" HTTP/1.1", answer=True)
        assert (answer.status, answer.headers["Location"]) == (301, location), path
