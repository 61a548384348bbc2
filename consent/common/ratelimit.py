"""One per-address counter for everything a visitor can repeat without limit: form posts,
cookie-banner answers, failed staff sign-ins. Fixed windows in the shared cache (Redis in
production, compliance T1), so every gunicorn worker counts alike; each window by the database
server's clock (`shared_time`), so every host counts in the same one: by each host's own, a host
40 s off another put a visitor's posts in another window (with a 30 s one, always), and a
visitor taking turns between the two had the limit twice."""

import hashlib
import ipaddress
import re

from django.core.cache import cache
from django.http import HttpRequest

from .clock import shared_time
from .net import client_ip


def parse_rate(rate: str) -> tuple[int, int]:
    """ "N/seconds" (as in FORM_RATE_LIMIT) -> (N, seconds); ValueError for anything else (the
    settings refuse to start on it)."""
    match = re.fullmatch(r"([0-9]+)/([1-9][0-9]*)", rate)
    if match is None:
        raise ValueError(f"{rate!r} is not N/seconds")
    return int(match[1]), int(match[2])


def address_bucket(ip: str | None) -> str:
    """Whom a limit counts: an IPv4 address, or the /64 network of an IPv6 one (one subscriber
    holds a whole /64 and could otherwise take a new address for every request). Requests whose
    address is unknown share one bucket."""
    if ip is None:
        return "unknown"
    address = ipaddress.ip_address(ip)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def lockout_ip(request: HttpRequest) -> str | None:
    """The address django-axes locks a staff username at (AXES_CLIENT_IP_CALLABLE): the bucket
    every other limit counts, as one address (an IPv6 /64 by its first). Axes keyed the full
    IPv6 address, so one subscriber holding a /64 had five guesses at a staff password from each
    of its 2^64 addresses (compliance T6)."""
    ip = client_ip(request)
    return None if ip is None else str(ipaddress.ip_network(address_bucket(ip)).network_address)


def hit(scope: str, request: HttpRequest, rate: str) -> int:
    """Count one event of `scope` from this request's address in the current window and return
    how many there have been in it (1 for the first). The caller compares with its limit."""
    return count(scope, address_bucket(client_ip(request)), rate)


def count(scope: str, who: str, rate: str) -> int:
    """Count one event of `scope` for `who` (an address bucket, or a hash of an email address)
    in the current window of `rate`, and return how many there have been in it."""
    _limit, window = parse_rate(rate)
    key = f"rl:{scope}:{who}:{int(shared_time() // window)}"
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, window)
        return 1


def seconds_left(rate: str) -> int:
    """How long until the current window of `rate` ends and its counts start again (at least 1)."""
    _limit, window = parse_rate(rate)
    return window - int(shared_time()) % window


def over_limit(scope: str, request: HttpRequest, rate: str) -> bool:
    """Count this event and say whether it is beyond the rate's limit."""
    return over_limit_for(scope, address_bucket(client_ip(request)), rate)


def over_limit_for(scope: str, who: str, rate: str) -> bool:
    """Count one event of `scope` for `who` and say whether it is beyond the rate's limit."""
    return count(scope, who, rate) > parse_rate(rate)[0]


# Domains whose mailboxes are one: a name at either reaches the same person.
SAME_MAILBOXES = {
    "googlemail.com": "gmail.com",
    **dict.fromkeys(["ya.ru", "yandex.kz", "yandex.com", "yandex.by", "yandex.ua"], "yandex.ru"),
}


def mailbox_limit_key(email: str) -> str:
    """Whom a per-address limit counts: one mailbox, however its (normalised) address is
    spelled, never kept in the clear (the cache's keys are no place for personal data).

    Only the limit's key is folded, never the address itself (core.subjects.normalise_email is
    whom it finds), nor the key two addresses are compared by (core.subjects.address_lookup_key:
    letter case alone aside). Letter case aside; a subaddress aside at every domain
    («asel+news@»: most providers deliver it to «asel@», and an attacker rotating tags had the
    site mail one inbox without end); the dots and hyphens of the local part aside at every
    domain, since Gmail and every domain Google hosts ignore dots, and Yandex reads a hyphen as
    a dot, and which domain a company's mail runs on cannot be told from its name (two
    mailboxes that differ only so share a limit: anyone could use it all up with the address
    itself already); and the domains of one provider's mailboxes as one."""
    local, at, domain = email.casefold().rpartition("@")
    if at:
        local = local.split("+", 1)[0].replace(".", "").replace("-", "")
        email = f"{local}@{SAME_MAILBOXES.get(domain, domain)}"
    return hashlib.sha256(email.casefold().encode()).hexdigest()
