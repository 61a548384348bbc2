"""Where a request comes from, and where the site lives."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP: X-Forwarded-For is believed only when the peer is a trusted proxy."""
    peer = request.META.get("REMOTE_ADDR", "")
    if peer in settings.TRUSTED_PROXIES:
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
