from django.db import InterfaceError, OperationalError

from .errors import error_page


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After, not 500 (T13)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return error_page(request, 503)
        return None
