"""The project's error handlers: each page comes from consent.common.errors.error_page."""

import errno
import sys

from consent.common.errors import FORM_NOT_SENT, error_page


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


# The host's disk full, or its user's quota spent: where an upload too large for memory is written
# as it arrives (the private /tmp), before any view or form sees it.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def server_error(request):
    """A fault anywhere in the request (a middleware reading the post included, which no
    process_exception sees). A disk that is full is a service down, not a fault of the page: the
    visitor is asked to come back (503, Retry-After) and not told of an error recorded, and
    Django logs it as a 503 with its traceback, which mails ADMINS (emalu/logs.py)."""
    error = sys.exc_info()[1]
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return error_page(request, 503)
    return error_page(request, 500)


def csrf_failure(request, reason=""):
    return error_page(request, 403, FORM_NOT_SENT)
