"""Anti-abuse for public forms: signed one-time tokens, a minimum fill time, a per-IP rate limit."""

import logging
import math
import uuid

from django.conf import settings
from django.core import signing
from django.utils.translation import ngettext

from consent.common.clock import shared_time
from consent.common.pagecache import register_slot
from consent.common.ratelimit import over_limit, seconds_left

security_log = logging.getLogger("emalu.security")
SALT = "forms_app.token"
MAX_AGE = 24 * 3600


def new_token(shown: float | None = None) -> str:
    """A one-time token for a form shown now, or at `shown` (a `shared_time()` value): dated by
    the clock every host shares, for the host the post reaches reads its fill time."""
    shown = shared_time() if shown is None else shown
    return signing.dumps({"id": uuid.uuid4().hex, "t": int(shown)}, salt=SALT)


def token_again(value: str | None) -> str:
    """A fresh token for a form the guard refused and shows again as typed, dated when the
    visitor first had it before them: the refused token's time, or, when that token cannot be
    read (a day old, forged), the minimum fill time ago. Dated at the refusal, a visitor who did
    what the page asks, send it again at once, was refused as «too quick», again and again: the
    form expired, then too quick; a form their browser filled in, too quick each time. A bot
    that forges a token gains the wait it could have spent on the page anyway."""
    read = read_token(value)
    elapsed = read[1] if read else settings.FORM_MIN_FILL_SECONDS
    return new_token(shown=shared_time() - elapsed)


# A cached form page gets a fresh token for each visitor in place of this placeholder.
TOKEN_SLOT = register_slot("form_token", lambda request: new_token())


def read_token(value: str | None) -> tuple[uuid.UUID, float] | None:
    """(token uuid, seconds since the form was shown), or None when forged or a day old."""
    try:
        data = signing.loads(value or "", salt=SALT, max_age=MAX_AGE)
        elapsed = shared_time() - data["t"]
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
