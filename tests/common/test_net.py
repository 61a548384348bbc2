"""The visitor's address behind zero, one or two proxies (issue 19 item 3)."""

import pytest
from django.test import RequestFactory

from consent.common.net import client_ip


def ip(settings, proxies, peer, forwarded=None):
    settings.TRUSTED_PROXIES = proxies
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))


def test_forwarded_for_is_ignored_from_an_untrusted_peer(settings):
    assert ip(settings, ["10.0.0.1"], "203.0.113.5", "1.2.3.4") == "203.0.113.5"


def test_one_hop_the_address_nginx_saw(settings):
    assert ip(settings, ["127.0.0.1"], "127.0.0.1", "198.51.100.7") == "198.51.100.7"


def test_two_hops_a_load_balancer_then_nginx(settings):
    """Balancer 10.0.0.5 -> nginx on the app host (127.0.0.1) -> gunicorn."""
    proxies = ["127.0.0.1", "10.0.0.0/24"]
    assert ip(settings, proxies, "127.0.0.1", "198.51.100.7, 10.0.0.5") == "198.51.100.7"


def test_a_spoofed_header_through_two_trusted_hops_is_not_believed(settings):
    """The visitor sends X-Forwarded-For: 1.2.3.4; each proxy appends the address it saw."""
    proxies = ["127.0.0.1", "10.0.0.0/24"]
    forwarded = "1.2.3.4, 198.51.100.7, 10.0.0.5"
    assert ip(settings, proxies, "127.0.0.1", forwarded) == "198.51.100.7"


def test_with_one_hop_trusted_the_balancer_is_the_visitor(settings):
    """Only nginx trusted: the untrusted balancer's own address is the client; no visitor can
    choose their address by sending the header themselves."""
    assert ip(settings, ["127.0.0.1"], "127.0.0.1", "1.2.3.4, 10.0.0.5") == "10.0.0.5"


def test_ipv6_visitor_and_proxies(settings):
    proxies = ["::1", "fd00::/8"]
    assert ip(settings, proxies, "::1", "2001:db8::7, fd00::5") == "2001:db8::7"
    assert ip(settings, proxies, "::1", "[2001:db8::7]:51000, fd00::5") == "2001:db8::7"
    assert ip(settings, ["127.0.0.1"], "::ffff:127.0.0.1", "203.0.113.9") == "203.0.113.9"


def test_only_proxies_in_the_chain_gives_the_leftmost(settings):
    assert ip(settings, ["10.0.0.0/8"], "10.0.0.2", "10.0.0.1") == "10.0.0.1"


@pytest.mark.parametrize(
    "forwarded",
    ["<script>", "198.51.100.7, garbage", "999.1.1.1", "::::", "1.2.3.4 5.6.7.8"],
)
def test_garbage_gives_no_ip(settings, forwarded):
    assert ip(settings, ["127.0.0.1"], "127.0.0.1", forwarded) is None


def test_garbage_left_of_the_visitor_is_ignored(settings):
    assert ip(settings, ["127.0.0.1"], "127.0.0.1", "garbage, 198.51.100.7") == "198.51.100.7"


def test_an_empty_header_from_the_proxy_leaves_the_proxy(settings):
    assert ip(settings, ["127.0.0.1"], "127.0.0.1", " , ") == "127.0.0.1"


def test_garbage_is_no_server_error(client, db, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    response = client.get("/kk/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="\x00, ][, 1.2")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "peer,forwarded,untrusted",
    [
        ("127.0.0.1", "198.51.100.7", False),  # nginx, a visitor
        ("127.0.0.1", "1.2.3.4, 198.51.100.7", False),  # a visitor who sent the header
        ("127.0.0.1", "198.51.100.7, 10.0.0.5", True),  # a balancer not in TRUSTED_PROXIES
        ("203.0.113.50", "198.51.100.7", True),  # a proxy in front of gunicorn, not trusted
        ("127.0.0.1", None, False),
    ],
)
def test_a_proxy_missing_from_the_trusted_ones_is_noticed(settings, peer, forwarded, untrusted):
    from consent.common.net import forwarded_by_untrusted_peer

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=peer, **headers)
    assert forwarded_by_untrusted_peer(request) == untrusted
