"""A self-service link spent (selfservice.link_open, wards.ward_link_open): once, by the browser
that pressed its button first; and again by that same browser alone.

The same browser pressing again finds the page open (selfservice.link_opened_here) once it holds
the session the first press made. But a double tap on a slow phone, or the button pressed in two
tabs of one mail, sends the second press before that session reached the browser, or instead of
it (the phone shows the second answer, and drops the first with its cookie): the second press
found the link spent and said «this link was used», and the person was shut out of their page
until a new link came. Each spent link keeps a keyed digest of the CSRF cookie of the browser that
spent it, `UsedLink.browser` (nothing that names the browser or the person, and no secret: the
digest under SECRET_KEY): a press from that browser within the link's hour opens the page too.
Any other browser is refused, as before (tests/rights/test_at_the_same_instant.py)."""

import uuid
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from consent.core.subjects import address_tag_matches

from .models import UsedLink

SALT = "consent.self-service"
LINK_MAX_AGE = 3600


def browser_of(request: HttpRequest) -> str:
    """The CSRF cookie of the browser that sent `request` ("" none): the one a spent link knows."""
    return request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")


def browser_mark(cookie: str) -> str:
    """The keyed digest a spent link keeps of the pressing browser's CSRF `cookie` ("" none)."""
    return salted_hmac(f"{SALT}.browser", cookie, algorithm="sha256").hexdigest() if cookie else ""


def link_spend(token: str, key: str, rows: QuerySet, address: str, browser: str = "") -> Any:
    """The row of `rows` a single-use link names under `key` ("s" a person, "g" a parent), its
    nonce spent by the browser whose CSRF cookie is `browser`; None when forged, expired, used
    by another browser, or mailed to an address the row's `address` no longer holds (a
    correction moved them: the old mailbox may be someone else's)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
        nonce, pk, tag = uuid.UUID(data["n"]), data[key], data["a"]
    except (signing.BadSignature, KeyError, ValueError, TypeError, AttributeError):
        return None  # AttributeError: a nonce that is no string
    if type(pk) is not int or type(tag) is not str:
        return None
    row = rows.filter(pk=pk).first()
    if row is None or not address_tag_matches(tag, getattr(row, address)):
        return None
    mark = browser_mark(browser)
    try:
        with transaction.atomic():
            UsedLink.objects.create(nonce=nonce, browser=mark)
    except IntegrityError:  # spent: by this browser (pressed twice) or by another
        if not mark or not UsedLink.objects.filter(nonce=nonce, browser=mark).exists():
            return None
    return row
