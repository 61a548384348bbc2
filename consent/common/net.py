"""Where a request comes from, and where the site lives."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def is_trusted_proxy(peer: str) -> bool:
    """Whether the address a request came from is a proxy of ours (TRUSTED_PROXIES, a list of
    addresses): only its X-Forwarded-For is believed."""
    return peer in settings.TRUSTED_PROXIES


def forwarded_by_untrusted_peer(request: HttpRequest) -> bool:
    """A request relayed by a proxy the site does not trust: its X-Forwarded-For is ignored, so
    every visitor behind that proxy counts as the proxy's one address."""
    return "HTTP_X_FORWARDED_FOR" in request.META and not is_trusted_proxy(
        request.META.get("REMOTE_ADDR", "")
    )


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP: X-Forwarded-For is believed only when the peer is a trusted proxy."""
    peer = request.META.get("REMOTE_ADDR", "")
    if is_trusted_proxy(peer):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            peer = forwarded
    try:
        return str(ipaddress.ip_address(peer))
    except ValueError:
        return None


def absolute_url(path: str) -> str:
    """`path` on the site's own address (SITE_URL), never on the Host header a request sent:
    every link in a mail is built here."""
    return settings.SITE_URL.rstrip("/") + path


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether a POST comes from a page of this site, by the Origin header a browser puts on
    every form it sends (the Referer, for one that sends none): what guards a form that carries
    no CSRF token because a proxy may keep the page it sits on (the cookie banner). The site's
    origins are those Django's CSRF check accepts: the request's own and CSRF_TRUSTED_ORIGINS."""
    source = urlsplit(request.headers.get("Origin") or request.headers.get("Referer") or "")
    origin = f"{source.scheme}://{source.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or (
        origin in settings.CSRF_TRUSTED_ORIGINS
    )
