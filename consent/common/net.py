"""Where a request comes from, where the site lives, and which of its addresses hold a secret."""

import ipaddress
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .link_secrets import LINK_SECRET

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# Where a proxy of one's own sits (RFC 1918, loopback, unique local IPv6): never a visitor's
# address on the internet. (ipaddress's is_private would count the documentation ranges too.)
INTERNAL = tuple(map(ipaddress.ip_network, ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                                            "127.0.0.0/8", "::1/128", "fc00::/7"]))  # fmt: skip


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies)


def trusted_networks() -> tuple:
    """TRUSTED_PROXIES (addresses or CIDRs, e.g. 127.0.0.1, 10.0.0.0/8, fd00::/8) as networks;
    a malformed entry raises ValueError (emalu/settings.py refuses it at start, naming it)."""
    return _networks(tuple(str(p) for p in settings.TRUSTED_PROXIES))


def parse_address(text: str) -> Address | None:
    """An address as a header or REMOTE_ADDR carries it: "203.0.113.5", "2001:db8::1",
    "[2001:db8::1]:443" or "203.0.113.5:443"; an IPv4 address mapped into IPv6 is the IPv4
    address. None for anything else."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(peer: str | Address | None) -> bool:
    """Whether the address a request came through is a proxy of ours (TRUSTED_PROXIES): only
    what it forwards is believed."""
    address = parse_address(peer) if isinstance(peer, str) else peer
    return address is not None and any(address in net for net in trusted_networks())


def _walk(request: HttpRequest) -> tuple[Address | None, list[str]]:
    """(the client's address, the X-Forwarded-For entries left of it), by client_ip's rule."""
    address = parse_address(request.META.get("REMOTE_ADDR", ""))
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if address is None or not is_trusted_proxy(address):
        return address, hops
    while hops:
        address = parse_address(hops.pop())
        if address is None or not is_trusted_proxy(address):
            break
    return address, hops


def forwarded_by_untrusted_peer(request: HttpRequest) -> bool:
    """A request relayed by a proxy the site does not trust, so that every visitor behind it
    counts as the proxy's one address: the header came from a peer not trusted, or the chain,
    walked through the trusted proxies, stops at a private or loopback address that itself
    forwarded for someone (a load balancer missing from TRUSTED_PROXIES; a visitor on the
    internet has no such address)."""
    if "HTTP_X_FORWARDED_FOR" not in request.META:
        return False
    if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
        return True
    address, left = _walk(request)
    return bool(left) and any(address in net for net in INTERNAL if address is not None)


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP: the peer, unless it is a trusted proxy; then, walking X-Forwarded-For
    from its right end (the address each proxy appended for the hop before it), the first
    address that is not a trusted proxy. Whatever lies left of that was written by the visitor
    and is not believed. None when the chain breaks on something that is not an address: the
    hop that wrote it is no proxy of ours, so the visitor's address is unknown."""
    address, _left = _walk(request)
    return None if address is None else str(address)


def from_inside(request: HttpRequest) -> bool:
    """Whether the request comes from this host or a network of ours: its client (client_ip)
    is a loopback address or in TRUSTED_PROXIES, and no peer outside them relayed it (behind an
    nginx left out of TRUSTED_PROXIES, every visitor would be 127.0.0.1)."""
    if forwarded_by_untrusted_peer(request):
        return False
    address = parse_address(client_ip(request) or "")
    return address is not None and (address.is_loopback or is_trusted_proxy(address))


# The emailed links whose next segment is their secret: link_secrets.LINK_SECRET, the one rule
# the logs redact by (emalu/logline.py; nginx writes the same in its map, docs/deploy/nginx.conf)
# the analytics stay off by (consent/cookies/banner.py) and a page passes on only its origin by
# (emalu/middleware.py). Letter case aside: an address in capitals, which no page answers, holds
# the secret all the same.
def holds_link_secret(address: str) -> bool:
    """Whether `address` (a path with its query string, a URL) holds the secret of an emailed
    link, percent-encoded or not, whether or not a page of the site answers it: a link with
    what the mail left stuck to it («…/unsubscribe/<secret>/)») is the 404 page, and holds the
    secret as the link does."""
    return LINK_SECRET.search(unquote(address)) is not None


def absolute_url(path: str) -> str:
    """`path` on the site's own address (SITE_URL), never on the Host header a request sent:
    every link in a mail is built here."""
    return settings.SITE_URL.rstrip("/") + path


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether a POST comes from a page of this site, by the Origin header a browser puts on
    every form it sends (the Referer, for one that sends none): what guards a form that carries
    no CSRF token because a proxy may keep the page it sits on (the cookie banner). The site's
    origins are those Django's CSRF check accepts: the request's own and CSRF_TRUSTED_ORIGINS.
    A header that is no address («http://[») is no page of the site: refused, as Django's check
    refuses it, not a 500."""
    try:
        source = urlsplit(request.headers.get("Origin") or request.headers.get("Referer") or "")
    except ValueError:
        return False
    origin = f"{source.scheme}://{source.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or (
        origin in settings.CSRF_TRUSTED_ORIGINS
    )


def download(body: bytes, filename: str, content_type: str) -> HttpResponse:
    """A file of personal data as the browser must treat it: saved, never rendered (so no
    posted text in it can run as a page), never kept by a cache on the way."""
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
