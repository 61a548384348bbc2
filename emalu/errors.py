"""The project's error handlers: each page comes from consent.common.errors.error_page."""

import errno
import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, InterfaceError, OperationalError
from django.middleware import csrf

from consent.common.errors import (
    FORM_FROM_ELSEWHERE,
    FORM_NOT_SENT,
    FORM_OUT_OF_DATE,
    TOO_LARGE,
    error_page,
    sqlstate,
)
from consent.common.refusals import (
    READ_ONLY,
    READ_ONLY_STATE,
    RESOURCE_STATES,
    cache_down,
    cache_password_refused,
    cache_refused,
    database_where,
    login_refused,
    one_line,
    role_refusal,
)

from .logline import scrub

# What Django raises for a post over one of its size limits (settings DATA_UPLOAD_*): a 400 of
# its own, which is a 413 saying so here (a GET with a thousand query fields sends no form).
OVER_LIMIT = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def bad_request(request, exception=None):
    if isinstance(exception, OVER_LIMIT) and request.method == "POST":
        return error_page(request, 413, TOO_LARGE)
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


# The host's disk full, or its user's quota spent: where an upload too large for memory is written
# as it arrives (the private /tmp), before any view or form sees it.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def service_down(exception: BaseException | None) -> bool:
    """Whether `exception` is a service the site needs being down, not a fault of the page: the
    database or Redis refusing, or not answering within their timeouts (a host frozen, or one
    that drops what is sent to it). The visitor is asked to come back (503, Retry-After) and
    nobody is mailed a bug for each request (/healthz names it).

    Redis is looked up only if the cache has loaded its client: a site on another cache never
    imports it (~0.3 s of CPU in each worker as it starts), and an exception of a module never
    imported cannot have been raised."""
    if isinstance(exception, OperationalError | InterfaceError) or database_read_only(exception):
        return True
    return cache_down(exception)


# What the database server refuses a statement for while it answers /healthz's «SELECT 1» (by
# the SQLSTATE, or its class): a service down to the visitor (503), but a fault for ADMINS, for
# no /healthz names it. A tablespace or disk full refused every photo, while /healthz was
# green and the journal said only «Service Unavailable: /ru/apply/».
REFUSED = {
    "57014": "a query ran past DATABASE_STATEMENT_TIMEOUT and was cancelled",
    "53100": "the database server's disk is full",
    "53": "the database server is out of a resource (memory, connections)",
}


def database_refused(exception: BaseException | None) -> str | None:
    """What the database refused the request's statement for (REFUSED), or None: a query
    cancelled (DATABASE_STATEMENT_TIMEOUT, emalu/db, or pg_cancel_backend), a disk full, memory
    or connections spent."""
    if not isinstance(exception, OperationalError):
        return None
    state = sqlstate(exception)
    return REFUSED.get(state) or (REFUSED["53"] if state.startswith(RESOURCE_STATES) else None)


# PostgreSQL refusing every write (READ_ONLY, consent/common/refusals.py): every form post was a
# 500 «the error has been recorded» and a mail to ADMINS while reads went on; /healthz now names
# it (emalu/health.py), so it is a 503, one ERROR line, and no mail.


def database_read_only(exception: BaseException | None) -> bool:
    """Whether the database refused a write because it takes none (READ_ONLY)."""
    return isinstance(exception, DatabaseError) and sqlstate(exception) == READ_ONLY_STATE


def read_only_page(request):
    """The 503 for a write the read-only database refused, wherever in the request (a view, or
    a middleware after it: server_error), and its one ERROR line naming the cause: no
    traceback, no mail (/healthz names it), not Django's «Service Unavailable» line too."""
    logging.getLogger("django.request").error(
        "%s (SQLSTATE %s): %s", READ_ONLY, READ_ONLY_STATE, request.path,
        extra={"status_code": 503, "request": request},
    )  # fmt: skip
    response = error_page(request, 503)
    response._has_been_logged = True
    return response


# A service down (`service_down`) was one line in the journal, Django's «Service Unavailable:
# /kk/», the same for the database and Redis, with no where or why: an operator could not tell
# which was down, or a wrong port from a refused password, but by asking /healthz.


def down_cause(exception: BaseException) -> str:
    """Which store did not answer, where it was looked for, and the driver's reason (on one
    line, scrubbed as a traceback is: it names hosts and ports, never a password)."""
    cause = exception.__cause__ or exception
    reason = f"{type(cause).__name__}: {scrub(one_line(str(cause)))}"
    if cache_refused(cause):
        return f"the shared cache (CACHE_URL) refused to store ({reason})"
    if password := cache_password_refused(cause):
        return f"the shared cache (CACHE_URL): {password}"
    if not isinstance(exception, DatabaseError):
        return f"the shared cache (CACHE_URL) could not be reached ({reason})"
    if role := role_refusal(exception):
        return f"the database refused this host's runtime role ({scrub(role)})"
    if login := login_refused(exception):
        return scrub(login)
    db = settings.DATABASES["default"]
    where = db["NAME"] if "sqlite" in db["ENGINE"] else database_where(db)
    return f"the database could not be reached at {where} ({reason})"


def service_down_page(request, exception: BaseException):
    """The 503 for the database or Redis down, and its one ERROR line naming which and why: no
    traceback and no mail (/healthz names it), not Django's bare «Service Unavailable» line."""
    logging.getLogger("django.request").error(
        "%s: %s", down_cause(exception), request.path,
        extra={"status_code": 503, "request": request},
    )  # fmt: skip
    response = error_page(request, 503)
    response._has_been_logged = True
    return response


def disk_full(exception: BaseException | None) -> bool:
    return isinstance(exception, OSError) and exception.errno in DISK_FULL


def server_error(request):
    """A fault anywhere in the request, a middleware's included (the CSRF check reads the post,
    the session is saved after the view), which no process_exception sees: a service down
    (`service_down`) is a 503 there too, and so is a full disk, which no /healthz names: Django
    logs it as a 503 with its traceback, which mails ADMINS (emalu/logs.py)."""
    error = sys.exc_info()[1]
    if database_read_only(error):
        return read_only_page(request)
    if service_down(error) and not database_refused(error):
        return service_down_page(request, error)
    if service_down(error) or disk_full(error):
        return error_page(request, 503)
    return error_page(request, 500)


# The beginnings Django's Referer and Origin reasons share («Referer checking failed - …»).
WHERE_FROM = tuple(r.split(" - ")[0] for r in (csrf.REASON_NO_REFERER, csrf.REASON_BAD_ORIGIN))


def csrf_failure(request, reason=""):
    """The CSRF check's refusal, told by what the visitor can do about it: the cookie missing;
    the page the form came from not told, or another site's (Referer, Origin); or the form's
    token out of date. Django's `reason` strings are its own constants (django.middleware.csrf)."""
    if reason == csrf.REASON_NO_CSRF_COOKIE:
        return error_page(request, 403, FORM_NOT_SENT)
    if reason.startswith(WHERE_FROM):
        return error_page(request, 403, FORM_FROM_ELSEWHERE)
    return error_page(request, 403, FORM_OUT_OF_DATE)
