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
Any other browser is refused, as before (tests/rights/test_at_the_same_instant.py).

«Close my page» lets go of the links its session spent (`links_let_go`): a shared computer's
next user, going Back to the link's page within its hour, pressed it and had the person's page
open again, their CSRF cookie being the one that spent it (tests/rights/test_selfservice_leave.py).
The mark is compared in constant time, under SECRET_KEY and its fallbacks: a key rotated between
the two presses still lets the second in."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac

from consent.core.subjects import address_tag_matches

from .models import UsedLink

SALT = "consent.self-service"
LINK_MAX_AGE = 3600
# The nonces of the links a session was opened by, let go of when it closes (links_let_go).
SPENT_KEY = "self_service_spent"


def browser_of(request: HttpRequest) -> str:
    """The CSRF cookie of the browser that sent `request` ("" none): the one a spent link knows."""
    return request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")


def browser_mark(cookie: str, secret: str | None = None) -> str:
    """The keyed digest a spent link keeps of the pressing browser's CSRF `cookie` ("" none),
    under `secret` (SECRET_KEY unless given)."""
    if not cookie:
        return ""
    return salted_hmac(f"{SALT}.browser", cookie, secret=secret, algorithm="sha256").hexdigest()


def _spent_here(nonce: uuid.UUID, cookie: str) -> bool:
    """Whether the link of `nonce` was spent by the browser whose CSRF cookie is `cookie`."""
    kept = UsedLink.objects.filter(nonce=nonce).values_list("browser", flat=True).first()
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return bool(cookie and kept) and any(
        constant_time_compare(kept, browser_mark(cookie, secret)) for secret in secrets
    )


def links_let_go(session: SessionBase) -> None:
    """The links `session` was opened by no longer open it again in its browser (see above)."""
    if nonces := session.pop(SPENT_KEY, None):
        UsedLink.objects.filter(nonce__in=nonces).update(browser="")


def link_spend(
    token: str, key: str, rows: QuerySet, address: str, browser: str = "", session=None
) -> Any:
    """The row of `rows` a single-use link names under `key` ("s" a person, "g" a parent), its
    nonce spent by the browser whose CSRF cookie is `browser` (and noted in its `session`, for
    links_let_go); None when forged, expired, used by another browser or let go of, or mailed
    to an address the row's `address` no longer holds (a correction moved them: the old mailbox
    may be someone else's)."""
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
        if not _spent_here(nonce, browser):
            return None
    if session is not None:
        session[SPENT_KEY] = [*session.get(SPENT_KEY, []), str(nonce)]
    return row
