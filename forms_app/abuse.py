"""Anti-abuse for public forms: signed one-time tokens, a minimum fill time, a per-IP rate limit."""

import logging
import math
import time
import uuid

from django.conf import settings
from django.core import signing
from django.utils.translation import ngettext

from consent.common.pagecache import register_slot
from consent.common.ratelimit import over_limit, seconds_left

security_log = logging.getLogger("emalu.security")
SALT = "forms_app.token"
MAX_AGE = 24 * 3600


def new_token():
    return signing.dumps({"id": uuid.uuid4().hex, "t": int(time.time())}, salt=SALT)


# A cached form page gets a fresh token for each visitor in place of this placeholder.
TOKEN_SLOT = register_slot("form_token", lambda request: new_token())


def read_token(value):
    """(token uuid, seconds since the form was shown), or None when forged or a day old."""
    try:
        data = signing.loads(value or "", salt=SALT, max_age=MAX_AGE)
        elapsed = time.time() - data["t"]
        return (uuid.UUID(data["id"]), elapsed) if elapsed < MAX_AGE else None
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return None


def rate_wait(scope, request):
    """Count this post from the request's address (an IPv6 /64); 0 while within FORM_RATE_LIMIT
    ("N/seconds"), else the seconds until the address may post again."""
    rate = settings.FORM_RATE_LIMIT
    if not over_limit(scope, request, rate):
        return 0
    security_log.warning("rate limit: %s", scope)
    return seconds_left(rate)


def try_again_message(seconds):
    """When to send the form again, in minutes from a minute up, in seconds below."""
    if seconds >= 60:
        minutes = math.ceil(seconds / 60)
        return ngettext(
            "Too many forms have been sent from this connection. Please send this one again in "
            "%(count)d minute; what you typed is kept below.",
            "Too many forms have been sent from this connection. Please send this one again in "
            "%(count)d minutes; what you typed is kept below.",
            minutes,
        ) % {"count": minutes}
    return ngettext(
        "Too many forms have been sent from this connection. Please send this one again in "
        "%(count)d second; what you typed is kept below.",
        "Too many forms have been sent from this connection. Please send this one again in "
        "%(count)d seconds; what you typed is kept below.",
        seconds,
    ) % {"count": seconds}
