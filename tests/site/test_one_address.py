"""A page has one address: reached by another spelling of what its address holds, it is sent
(301) to the one the site writes for it (emalu.one_address.OneAddressMiddleware)."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from consent.rights.models import Ticket
from tests.rights.conftest import web_request

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "asked,sent_to",
    [
        ("privacy/01/", "privacy/1/"),
        ("privacy/0001/?print=1", "privacy/1/?print=1"),
    ],
)
def test_a_policy_version_asked_by_another_spelling_of_its_number_is_sent_to_its_address(
    texts, lang, asked, sent_to
):
    """«/ru/privacy/01/» served version 1 a second time, under an address no link names: in
    either language, to the address in that language, its query kept."""
    response = Client().get(f"/{lang}/{asked}")
    assert (response.status_code, response["Location"]) == (301, f"/{lang}/{sent_to}")


@pytest.mark.parametrize(
    "path", ["/ru/privacy/1/", "/kk/privacy/", "/kk/contact/", "/kk/unsubscribe/a%25b/"]
)
def test_a_page_at_its_own_address_is_served_there(texts, path):
    assert Client().get(path).status_code in (200, 400)


def test_a_post_to_another_spelling_is_sent_on_as_a_post(texts):
    """As NormalPathMiddleware sends one: a 301 would lose what was posted."""
    response = Client().post("/kk/privacy/01/", {"a": "b"})
    assert (response.status_code, response["Location"]) == (308, "/kk/privacy/1/")


def _a_request():
    assert web_request(Client(), "kk", "access", email="stranger@example.kz").status_code == 302
    return Ticket.objects.get()


def test_a_request_asked_in_the_admin_by_another_spelling_of_its_number_is_sent_to_its_address(
    texts, officer_client
):
    """«/admin/rights/ticket/01/change/» showed request 1 under an address no link names: the
    admin's object ids are read by the model's key, not by the route, which keeps «01» as typed."""
    ticket = _a_request()
    own = reverse("otpadmin:rights_ticket_change", args=[ticket.pk])
    other = own.replace(f"/{ticket.pk}/", f"/0{ticket.pk}/")
    response = officer_client.get(f"{other}?_changelist_filters=status%3Dopen")
    assert (response.status_code, response["Location"]) == (
        301,
        f"{own}?_changelist_filters=status%3Dopen",
    )
    assert officer_client.get(own).status_code == 200


def test_a_visitor_not_signed_in_is_sent_to_the_sign_in_whatever_the_spelling(texts):
    """Nothing of the request is read for one who may not see it: the admin's own redirect to
    its sign-in, as for the address the site writes."""
    ticket = _a_request()
    own = reverse("otpadmin:rights_ticket_change", args=[ticket.pk])
    act = reverse("otpadmin:rights_ticket_act", args=[ticket.pk])  # a number's converter
    for path in (
        own,
        own.replace(f"/{ticket.pk}/", f"/0{ticket.pk}/"),
        act.replace(f"/{ticket.pk}/", f"/0{ticket.pk}/"),
    ):
        response = Client().get(path)
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("otpadmin:login")


# A value for each kind of captured part: a number written with a leading zero (its address
# writes none), and for the admin's patterns written as regular expressions, one they match.
SAMPLES = {"int": "01", "path": "01", "str": "a", "slug": "a"}
REGEX_SAMPLES = {"app_label": "rights", "pk": "01", "content_id": "0" * 32, "url": "nowhere/"}
CAPTURED = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _captured_paths(resolver=None, prefix=""):
    """Every pattern of the site that captures a value, as a path with a sample value in each
    place (the language's prefix in the active language)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _captured_paths(pattern, route)
        elif isinstance(pattern, URLPattern) and CAPTURED.search(route):
            path = CAPTURED.sub(
                lambda m: REGEX_SAMPLES[m[3]] if m[3] else SAMPLES[m[1] or "str"], route
            )
            yield "/" + path.replace("^", "").replace("$", "")


@pytest.mark.parametrize("signed_in", [False, True])
def test_no_address_of_the_site_sends_a_visitor_round_in_a_loop(
    texts, client, officer_client, signed_in
):
    """Every route that captures a value, in each language, asked with a sample value (a number
    with a leading zero): followed to the end, no redirect comes back to an address it left."""
    paths = set()
    for lang in ("kk", "ru"):
        with translation.override(lang):
            paths.update(_captured_paths())
    assert len(paths) > 100 and "/ru/privacy/01/" in paths
    visitor = officer_client if signed_in else Client()
    looped = []
    for path in sorted(paths):
        response = visitor.get(path, follow=True)
        chain = [url for url, _status in response.redirect_chain]
        if len(chain) != len(set(chain)) or path in chain:
            looped.append((path, chain))
    assert not looped
