from .banner import analytics_csp, analytics_enabled, read_choice


class AnalyticsConsentMiddleware:
    """Reads the cookie-banner answer for the templates, and widens the CSP to the analytics
    hosts only on pages served to a visitor who accepted. Listed after Django's CSP middleware,
    so that it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.analytics_choice = read_choice(request) if analytics_enabled() else None
        response = self.get_response(request)
        if request.analytics_choice == "accept":
            response._csp_config = analytics_csp()
        return response
