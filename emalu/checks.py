"""Deploy checks of the project itself (the domain's own are in consent/core/checks.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver"}


@register(deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """Compliance T6, T8: a public site runs behind nginx (docs/deploy/nginx.conf), and unless
    TRUSTED_PROXIES names it every visitor counts as the proxy's address: one shared form limit
    for the whole site, and five bad sign-ins lock a staff name for everyone."""
    public = [h for h in settings.ALLOWED_HOSTS if h not in LOCAL_HOSTS and h != ".localhost"]
    if settings.DEBUG or settings.TRUSTED_PROXIES or not public:
        return []
    return [
        CheckWarning(
            "TRUSTED_PROXIES is empty: behind a reverse proxy every visitor counts as the "
            "proxy's address for rate limits and the staff sign-in lockout.",
            hint="Set TRUSTED_PROXIES=127.0.0.1 behind the documented nginx, and add the load "
            "balancer's network (e.g. 10.0.0.0/24) when one stands before it. If visitors reach "
            "gunicorn directly, with no proxy, silence emalu.W001.",
            id="emalu.W001",
        )
    ]


@register(deploy=True)
def check_site_url(app_configs, **kwargs):
    """Every link the site mails (a request's confirmation, the self-service link, unsubscribe)
    is SITE_URL and a path (consent/common/net.py::absolute_url). Without https:// a mail
    program shows no link at all; over http:// the link's secret crosses the network in the
    clear before nginx redirects it; with a path of its own every link leads to a 404."""
    parts = urlsplit(settings.SITE_URL)
    if settings.DEBUG or (
        parts.scheme == "https" and parts.netloc and parts.path in ("", "/") and not parts.query
    ):
        return []
    return [
        CheckWarning(
            "SITE_URL is not the site's https:// address: the links in its mail are SITE_URL "
            "and a path.",
            hint="Set SITE_URL=https://emaluplus-vko.kz (the address visitors use, no path), "
            "the same on every host.",
            id="emalu.W002",
        )
    ]
