"""A page has one address: reached by another spelling of what its address holds, it is sent
(301) to the one the site writes for it (emalu.middleware.OneAddressMiddleware)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "asked,sent_to",
    [
        ("/ru/privacy/01/", "/ru/privacy/1/"),
        ("/kk/privacy/0001/?print=1", "/kk/privacy/1/?print=1"),
    ],
)
def test_a_policy_version_asked_by_another_spelling_of_its_number_is_sent_to_its_address(
    texts, asked, sent_to
):
    """«/ru/privacy/01/» served version 1 a second time, under an address no link names."""
    response = Client().get(asked)
    assert (response.status_code, response["Location"]) == (301, sent_to)


@pytest.mark.parametrize(
    "path", ["/ru/privacy/1/", "/kk/privacy/", "/kk/contact/", "/kk/unsubscribe/a%25b/"]
)
def test_a_page_at_its_own_address_is_served_there(texts, path):
    assert Client().get(path).status_code in (200, 400)


def test_a_post_to_another_spelling_is_sent_on_as_a_post(texts):
    """As NormalPathMiddleware sends one: a 301 would lose what was posted."""
    response = Client().post("/kk/privacy/01/", {"a": "b"})
    assert (response.status_code, response["Location"]) == (308, "/kk/privacy/1/")
