from .banner import analytics_csp, analytics_enabled, analytics_loads, choice_key, read_choice

# The answer a response was made for (banner.choice_key): the proxy keeps a public page only when
# this is the answer its key read from the cookie (docs/deploy/nginx.conf), so a cookie the two
# read differently, or one the site did not sign, can never put one visitor's variant in front
# of another.
CHOICE_HEADER = "X-Cookie-Choice"


class AnalyticsConsentMiddleware:
    """Reads the cookie-banner answer for the templates, and widens the CSP to the analytics
    hosts only on pages served to a visitor who accepted. Listed after Django's CSP middleware,
    so that it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.analytics_choice = read_choice(request) if analytics_enabled() else None
        response = self.get_response(request)
        if analytics_loads(request):  # not on a page whose address holds a link's secret
            response._csp_config = analytics_csp()
        response.headers[CHOICE_HEADER] = choice_key(request)
        return response
