"""The cookie banner, decided on the server (compliance L19).

The visitor's answer is recorded as an anonymous CookieChoice and lives in a first-party cookie,
`<policy>.<choice>.<the row's visitor id>:<time>:<signature>`, signed by the site. A new policy
version asks again. Analytics scripts are rendered, and their hosts allowed by the CSP, only for
a visitor whose cookie the site signed after it logged the acceptance (Law 94-V art. 8: the log
is the proof of the consent): a cookie set by hand, by a script on a sibling subdomain, by another
site or altered or out of date is no answer, and the banner asks again.
"""

import ipaddress
import logging
import uuid
from http.cookies import CookieError
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from consent.common.net import holds_link_secret
from consent.common.ratelimit import hit, parse_rate
from consent.core.policy_schedule import policy_number_in_force
from consent.core.purposes import GOOGLE, YANDEX

from .models import CookieChoice
from .wording import wording_answered, wording_digest, words_as_shown

security_log = logging.getLogger("emalu.security")
COOKIE = "emalu_consent"  # over plain HTTP only (development, the test client)
# Over HTTPS: a browser takes a __Host- cookie only from this host itself (Secure, Path=/, no
# Domain), so a page of a sibling subdomain cannot plant another visitor's signed answer here.
SECURE_COOKIE = "__Host-emalu_consent"
MAX_AGE = 365 * 24 * 3600
ANALYTICS_COOKIE_PREFIXES = ("_ga", "_gid", "_gat", "_ym", "yandexuid", "_gcl")
# Why an acceptance was not taken (request.cookie_not_taken; the banner says which): too many
# answers from one address, or words other than those the banner showed.
BUSY, WORDS_CHANGED = "busy", "changed"


# Each analytics service: the setting that turns it on, its name, and who receives what it
# collects, where. The banner names those turned on before the visitor answers (Art. 8(4)(5), 16).
SERVICES = (
    ("GA_MEASUREMENT_ID", _("Google Analytics"), GOOGLE),
    ("YANDEX_METRICA_ID", _("Yandex Metrica"), YANDEX),
)


def analytics_services() -> list[tuple[str, str]]:
    """The services this site loads for a visitor who accepts, each with its recipient abroad."""
    return [(name, whom) for setting, name, whom in SERVICES if getattr(settings, setting)]


def analytics_enabled() -> bool:
    return bool(analytics_services())


def carries_link_secret(request: HttpRequest) -> bool:
    """Whether the page's address holds the secret of an emailed link (unsubscribe, newsletter
    or request confirmation, self-service): the scripts send the page's address abroad, and that
    secret identifies the person and acts for them (compliance L19, T18). Read from the address
    (net.holds_link_secret), not only from the page that answers it: a link with a bracket or a
    word of the mail stuck after it is the 404 page, which loaded the scripts and sent them the
    secret."""
    match = getattr(request, "resolver_match", None)
    if match is not None and "token" in match.kwargs:
        return True
    return holds_link_secret(request.get_full_path())


def analytics_loads(request: HttpRequest) -> bool:
    """Whether this page loads the analytics scripts: accepted, and no link secret in its
    address to send them."""
    accepted = analytics_enabled() and getattr(request, "analytics_choice", None) == "accept"
    return accepted and not carries_link_secret(request)


def analytics_settings(request: HttpRequest) -> dict[str, object]:
    """What the templates need to ask, and to load the scripts for a visitor who accepted."""
    choice = getattr(request, "analytics_choice", None)
    enabled = analytics_enabled()
    return {
        "enabled": enabled,
        "ask": enabled and choice is None,
        "services": analytics_services(),
        # The SHA-256 of the words the banner shows, in the page's language: computed only on
        # a page that shows the banner (the template calls it).
        "shown": lambda: wording_digest(translation.get_language(), analytics_services()),
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


def cookie_name(request: HttpRequest) -> str:
    return SECURE_COOKIE if request.is_secure() else COOKIE


def _signer() -> signing.TimestampSigner:
    # The site's address in the salt: a cookie another site of the same key signed is no answer.
    return signing.TimestampSigner(salt=f"consent.cookies.choice:{settings.SITE_URL}")


def read_choice(request: HttpRequest) -> str | None:
    """ "accept", "reject" or None (not asked yet, asked under an older policy, or a cookie the
    site did not sign or signed over a year ago), checked without the database. The cookie as
    read is kept in `request.choice_cookie`: the proxy keeps an accepting visitor's pages under
    it (middleware.CHOICE_HEADER)."""
    answer = _signed_answer(request)
    return answer[0] if answer else None


def _signed_answer(request: HttpRequest) -> tuple[str, uuid.UUID] | None:
    """The answer the site signed in this visitor's cookie and the id of its logged row."""
    raw = request.COOKIES.get(cookie_name(request), "")
    try:
        version, choice, visitor = _signer().unsign(raw, max_age=MAX_AGE).split(".")
        if (int(version) == policy_number(request) and choice in CookieChoice.Choice.values
                and uuid.UUID(hex=visitor).hex == visitor):  # fmt: skip
            request.choice_cookie = raw
            return choice, uuid.UUID(hex=visitor)
    except (signing.BadSignature, ValueError):
        pass
    return None


def choice_key(request: HttpRequest) -> str:
    """What the proxy keys this visitor's public pages by (docs/deploy/nginx.conf): an
    acceptance by its whole signed cookie, as nginx cannot check a signature (a forged one then
    finds no page kept for it), a refusal by its policy version, no answer by "-"."""
    choice = getattr(request, "analytics_choice", None)
    if choice == CookieChoice.Choice.ACCEPT:
        return getattr(request, "choice_cookie", None) or "-"
    return f"{policy_number(request)}.{choice}" if choice else "-"


def log_choice(request: HttpRequest, choice: str) -> str | None:
    """Log the answer, anonymously, and return the signed cookie that stands for it; None for an
    acceptance not taken, which holds nothing (the banner asks again, saying why:
    request.cookie_not_taken). An acceptance is taken only to the words the banner showed
    (wording.words_as_shown); a refusal is taken whatever words it was given to.

    The rows are append-only, so one address writes at most COOKIE_CHOICE_RATE_LIMIT of them per
    window, and the first answer over the bound is logged as a security event. Beyond it a
    refusal still holds unlogged (nothing is processed on it), and a withdrawal, the refusal of
    a visitor whose signed cookie accepted, is logged once for the acceptance it ends (Law 94-V
    art. 8: consent and its withdrawal are proved by the log); an acceptance is not taken
    without its row."""
    # A withdrawal is logged under the id of the acceptance it ends, so the log shows which
    # consent it withdrew; and over the bound once for that acceptance only: a script replaying
    # one signed acceptance with «reject» would otherwise write a row for every post.
    services = analytics_services()
    if choice == CookieChoice.Choice.ACCEPT and not words_as_shown(request, services):
        request.cookie_not_taken = WORDS_CHANGED
        return None
    answer = _signed_answer(request) if choice == CookieChoice.Choice.REJECT else None
    withdrawal = answer is not None and answer[0] == CookieChoice.Choice.ACCEPT
    visitor = answer[1] if withdrawal else uuid.uuid4()
    count = hit("cookie-choice", request, settings.COOKIE_CHOICE_RATE_LIMIT)
    limit = parse_rate(settings.COOKIE_CHOICE_RATE_LIMIT)[0]
    version = policy_number(request)
    if count <= limit or (withdrawal and not CookieChoice.objects.filter(
            visitor=visitor, choice=choice, policy_version=version).exists()):  # fmt: skip
        wording = wording_answered(request, services)
        CookieChoice.objects.create(
            visitor=visitor, choice=choice, policy_version=version, wording=wording
        )
    else:
        if count == limit + 1:
            security_log.warning(
                "rate limit: cookie-choice (answers over the bound are not logged)"
            )
        if choice == CookieChoice.Choice.ACCEPT:
            request.cookie_not_taken = BUSY
            return None
    return _signer().sign(f"{version}.{choice}.{visitor.hex}")


def record_choice(
    request: HttpRequest, response: HttpResponse, choice: str, signed: str | None = None
) -> bool:
    """Log the answer (log_choice, unless `signed` is its cookie already) and store it in the
    cookie; clear analytics cookies the site can clear when the answer is no. False when the
    answer does not hold (an acceptance over the bound): then no cookie is set."""
    signed = signed or log_choice(request, choice)
    if signed is None:
        return False
    response.set_cookie(
        cookie_name(request), signed, max_age=MAX_AGE,
        secure=request.is_secure(), httponly=True, samesite="Lax",
    )  # fmt: skip
    if request.is_secure() and COOKIE in request.COOKIES:
        response.delete_cookie(COOKIE)  # the answer of before the __Host- name, read no more
    if choice == CookieChoice.Choice.REJECT:
        domains = cookie_domains(request.get_host())
        for name in request.COOKIES:
            if name.startswith(ANALYTICS_COOKIE_PREFIXES):
                for domain in domains:
                    expire_cookie(response, name, domain)
    return True


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
    signed = log_choice(request, choice)
    if signed is None:  # an acceptance not taken: the banner asks again, saying why
        return make_response()
    request.analytics_choice, request.choice_cookie = choice, signed
    response = make_response()
    record_choice(request, response, choice, signed)
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
    try:
        scratch.delete_cookie(name, domain=domain)
    except CookieError:
        # A name Python's cookie writer refuses («_ga[1]», «_ym uid»: another site of the domain,
        # an extension, or sent by hand) was a 500 and the answer lost; no script of ours sets it.
        return
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
