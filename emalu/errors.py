"""The project's error handlers: each page comes from consent.common.errors.error_page."""

from consent.common.errors import FORM_NOT_SENT, error_page


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def server_error(request):
    return error_page(request, 500)


def csrf_failure(request, reason=""):
    return error_page(request, 403, FORM_NOT_SENT)
