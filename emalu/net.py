import ipaddress

from django.conf import settings


def client_ip(request):
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
