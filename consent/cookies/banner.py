"""The cookie banner, decided on the server (compliance L19).

The visitor's answer lives in a first-party cookie, `emalu_consent=<policy>.<choice>.<id>`, and
is recorded as an anonymous CookieChoice. A new policy version asks again. Analytics scripts
are rendered, and their hosts allowed by the CSP, only for a visitor who accepted.
"""

import ipaddress
import logging
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.csp import CSP

from consent.common.ratelimit import hit, parse_rate
from consent.core.policy_schedule import policy_number_in_force

from .models import CookieChoice

security_log = logging.getLogger("emalu.security")
COOKIE = "emalu_consent"
MAX_AGE = 365 * 24 * 3600
ANALYTICS_COOKIE_PREFIXES = ("_ga", "_gid", "_gat", "_ym", "yandexuid", "_gcl")


def analytics_enabled() -> bool:
    return bool(settings.GA_MEASUREMENT_ID or settings.YANDEX_METRICA_ID)


def carries_link_secret(request: HttpRequest) -> bool:
    """Whether the page's address holds the secret of an emailed link (unsubscribe, newsletter
    or request confirmation, self-service): the scripts send the page's address abroad, and that
    secret identifies the person and acts for them (compliance L19, T18)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and "token" in match.kwargs


def analytics_loads(request: HttpRequest) -> bool:
    """Whether this page loads the analytics scripts: accepted, and no link secret in its
    address to send them."""
    accepted = analytics_enabled() and getattr(request, "analytics_choice", None) == "accept"
    return accepted and not carries_link_secret(request)


def analytics_settings(request: HttpRequest) -> dict[str, bool | str]:
    """What the templates need to ask, and to load the scripts for a visitor who accepted."""
    choice = getattr(request, "analytics_choice", None)
    enabled = analytics_enabled()
    return {
        "enabled": enabled,
        "ask": enabled and choice is None,
        "load": analytics_loads(request),
        "ga_id": settings.GA_MEASUREMENT_ID,
        "ga_src": settings.GA_SCRIPT_URL,
        "ym_id": settings.YANDEX_METRICA_ID,
        "ym_src": settings.YANDEX_SCRIPT_URL,
    }


def policy_number(request: HttpRequest) -> int:
    """The policy version in force for this request: read once, when the request starts, so
    that what the banner reads, records and sends back is one version even across midnight,
    and never an older one than a publication or an effective date made current
    (policy_schedule.policy_number_in_force)."""
    if not hasattr(request, "policy_number"):
        request.policy_number = policy_number_in_force()
    return request.policy_number


def read_choice(request: HttpRequest) -> str | None:
    """ "accept", "reject" or None (not asked yet, or asked under an older policy)."""
    try:
        version, choice, _visitor = request.COOKIES.get(COOKIE, "").split(".")
        if int(version) == policy_number(request) and choice in CookieChoice.Choice.values:
            return choice
    except ValueError:
        pass
    return None


def record_choice(request: HttpRequest, response: HttpResponse, choice: str) -> None:
    """Store the answer in the cookie and, anonymously, on the server; clear analytics cookies
    the site can clear when the answer is no.

    The server's rows are append-only, so one address writes at most COOKIE_CHOICE_RATE_LIMIT
    of them per window; beyond that the answer still holds (the cookie decides what loads,
    compliance L19) but is not logged again, and the first answer over the bound is logged as
    a security event. A visitor behind a shared address (a mobile operator's NAT) is never
    refused a choice for it."""
    visitor = uuid.uuid4()
    count = hit("cookie-choice", request, settings.COOKIE_CHOICE_RATE_LIMIT)
    limit = parse_rate(settings.COOKIE_CHOICE_RATE_LIMIT)[0]
    if count <= limit:
        CookieChoice.objects.create(
            visitor=visitor, choice=choice, policy_version=policy_number(request)
        )
    elif count == limit + 1:
        security_log.warning("rate limit: cookie-choice (answers over the bound are not logged)")
    response.set_cookie(
        COOKIE, f"{policy_number(request)}.{choice}.{visitor.hex}", max_age=MAX_AGE,
        secure=request.is_secure(), httponly=True, samesite="Lax",
    )  # fmt: skip
    if choice == CookieChoice.Choice.REJECT:
        domains = cookie_domains(request.get_host())
        for name in request.COOKIES:
            if name.startswith(ANALYTICS_COOKIE_PREFIXES):
                for domain in domains:
                    expire_cookie(response, name, domain)


# The name the banner's buttons carry on a page with a form of its own: there they post that
# form, as typed, to the page itself (cookies/_banner.html), which takes the answer and shows the
# form again. Without JavaScript the banner's own form would post, come back and empty the form.
PAGE_FIELD = "cookie_choice"


def answer_on_page(request: HttpRequest, make_response) -> HttpResponse:
    """The response of `make_response()`, made for the banner's answer the page's form carried,
    if it carried one: the page then shows no banner (and loads the analytics after an accept),
    and the answer is stored as the banner's own form stores it. A value that is no answer is
    left out: the banner asks again."""
    choice = request.POST.get(PAGE_FIELD)
    if not analytics_enabled() or choice not in CookieChoice.Choice.values:
        return make_response()
    request.analytics_choice = choice
    response = make_response()
    record_choice(request, response, choice)
    return response


def cookie_domains(host: str) -> list[str | None]:
    """Every Domain an analytics script may have given its cookies on this host: none (a
    host-only cookie), the host, and each parent domain (Google Analytics takes the highest one
    the browser accepts, Metrica the registrable one). A browser ignores a deletion for a domain
    it would not have accepted (a public suffix such as kz), so the extra ones do no harm."""
    name, _port = split_domain_port(host)
    try:
        ipaddress.ip_address(name.strip("[]"))
        return [None]  # an address has no domain cookies
    except ValueError:
        labels = name.split(".")
        return [None, *(".".join(labels[i:]) for i in range(len(labels) - 1))]


def expire_cookie(response: HttpResponse, name: str, domain: str | None) -> None:
    """Expire one cookie for one Domain, beside the other variants of the same name.

    `response.cookies` is keyed by name, so `delete_cookie(name, domain=...)` for three domains
    keeps only the last one: the browser would clear one variant and keep the others. A cookie
    stored under a key of its own still writes its own name, so each variant gets its own
    Set-Cookie header; Django's delete_cookie builds it (compliance L19)."""
    scratch = HttpResponse()
    scratch.delete_cookie(name, domain=domain)
    response.cookies[name if domain is None else f"{name} domain={domain}"] = scratch.cookies[name]


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def analytics_csp() -> dict[str, list[str]]:
    """The site's CSP, widened to the analytics hosts (for visitors who accepted only)."""
    config = {k: list(v) for k, v in settings.SECURE_CSP.items()}
    scripts = [_origin(u) for u, on in [(settings.GA_SCRIPT_URL, settings.GA_MEASUREMENT_ID),
                                        (settings.YANDEX_SCRIPT_URL, settings.YANDEX_METRICA_ID)]
               if on]  # fmt: skip
    hosts = scripts + list(settings.ANALYTICS_CONNECT_HOSTS)
    config["script-src"] = [*config.get("script-src", [CSP.SELF]), *scripts]
    config["connect-src"] = [*config.get("connect-src", [CSP.SELF]), *hosts]
    config["img-src"] = [*config.get("img-src", [CSP.SELF]), *hosts]
    return config
