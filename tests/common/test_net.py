from django.test import RequestFactory

from consent.common.net import client_ip


def test_forwarded_for_is_ignored_from_an_untrusted_peer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "203.0.113.5"


def test_forwarded_for_is_believed_from_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    assert client_ip(request) == "198.51.100.7"  # the address the proxy itself saw


def test_garbage_gives_no_ip(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(request) is None
