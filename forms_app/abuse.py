"""Anti-abuse for public forms: signed one-time tokens, a minimum fill time, a per-IP rate limit."""

import logging
import time
import uuid
from functools import wraps

from django.conf import settings
from django.core import signing

from consent.common.errors import error_page
from consent.common.pagecache import register_slot
from consent.common.ratelimit import over_limit

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


def rate_limited(scope):
    """Answer 429 when one address (an IPv6 /64) has posted more than FORM_RATE_LIMIT
    ("N/seconds") times."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and over_limit(scope, request, settings.FORM_RATE_LIMIT):
                security_log.warning("rate limit: %s", scope)
                return error_page(request, 429)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
