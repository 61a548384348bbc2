"""Who may say a request came over HTTPS: only the proxy named in FORWARDED_ALLOW_IPS (the nginx
on the host, 127.0.0.1 unless set). Django's SECURE_PROXY_SSL_HEADER believed X-Forwarded-Proto
from any peer, so a client that reached gunicorn directly (a second host's gunicorn, bound on
the LAN for the first host's nginx) could claim https. gunicorn's own request parser and
environ, with emalu/gunicorn.py's settings, decide it here; Django reads what they say."""

import runpy

import pytest
from django.core.handlers.wsgi import WSGIRequest
from gunicorn.config import Config
from gunicorn.http import message, unreader, wsgi

from emalu.checks import check_forwarded_allow_ips
from tests.live import ROOT

REQUEST = b"GET /kk/ HTTP/1.1\r\nHost: emaluplus-vko.kz\r\nX-Forwarded-Proto: https\r\n\r\n"


def django_request(peer, monkeypatch, allowed=None):
    """The Django request for REQUEST from `peer`, as gunicorn configured by emalu/gunicorn.py
    hands it on (FORWARDED_ALLOW_IPS=`allowed`, or unset)."""
    if allowed is None:
        monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    else:
        monkeypatch.setenv("FORWARDED_ALLOW_IPS", allowed)
    cfg = Config()
    cfg.set("forwarded_allow_ips", runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))[
        "forwarded_allow_ips"])  # fmt: skip
    parsed = message.Request(cfg, unreader.IterUnreader([REQUEST]), (peer, 40000))
    _response, environ = wsgi.create(parsed, None, (peer, 40000), ("127.0.0.1", 8000), cfg)
    return WSGIRequest(environ)


@pytest.mark.parametrize(
    "peer, allowed, https",
    [
        ("127.0.0.1", None, True),  # the nginx on the host, as documented
        ("10.0.0.7", None, False),  # another host on the LAN, straight to gunicorn
        ("10.0.0.11", "10.0.0.11", True),  # the first host's nginx, named (README)
        ("10.0.0.7", "10.0.0.11", False),
    ],
)
def test_only_the_named_proxy_may_say_https(peer, allowed, https, monkeypatch, settings):
    settings.ALLOWED_HOSTS = ["emaluplus-vko.kz"]
    assert django_request(peer, monkeypatch, allowed).is_secure() is https


@pytest.mark.django_db
def test_a_claimed_https_from_elsewhere_is_sent_to_https(client, settings, texts):
    """The header alone, as any peer sends it, is not HTTPS: the redirect still applies."""
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/kk/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get("/kk/", secure=True).status_code == 200  # what gunicorn says for nginx


@pytest.mark.parametrize("allowed, warned", [(None, False), ("10.0.0.11", False), ("*", True),
                                             ("127.0.0.1, *", True)])  # fmt: skip
def test_a_proxy_list_that_trusts_anyone_stops_the_start(allowed, warned, monkeypatch):
    """emalu.service's `check --deploy --fail-level WARNING` stops at emalu.W005."""
    if allowed is None:
        monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    else:
        monkeypatch.setenv("FORWARDED_ALLOW_IPS", allowed)
    assert bool(check_forwarded_allow_ips(None)) is warned


@pytest.mark.parametrize("allowed", ["", " , "])
@pytest.mark.parametrize("redirect", [True, False])
def test_a_proxy_list_left_empty_stops_the_start_of_a_site_that_redirects(
    allowed, redirect, monkeypatch, settings
):
    """FORWARDED_ALLOW_IPS left empty: gunicorn believed no proxy, the site saw every request
    nginx passed on as plain HTTP and redirected it to the same https:// address, a loop; the
    host started all the same. Now emalu.W006 stops it (a site behind a proxy that redirects
    itself, SECURE_SSL_REDIRECT off, is not looped)."""
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", allowed)
    settings.SECURE_SSL_REDIRECT = redirect
    said = check_forwarded_allow_ips(None)
    assert [warning.id for warning in said] == (["emalu.W006"] if redirect else [])
