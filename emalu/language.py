"""The language a visitor chose is remembered, for the bare address (emaluplus-vko.kz/).

The header's switch names the choice: on a form page it is a button posting the form with
`switch_language=<code>` to the page in that language (forms_app.views.SWITCH); elsewhere a link to
the page in that language with `?switch_language=<code>`, which is answered by a redirect to the
address without it. Either answer sets Django's language cookie (LANGUAGE_COOKIE_NAME), which
LocaleMiddleware reads when an address names no language: the bare root, a path without a prefix.
A first visit, with no cookie, goes where it went (Kazakh, or the browser's language).

The cookie holds «kk» or «ru» and nothing of the person; it is first-party, host-only, Secure,
HttpOnly and SameSite=Lax (settings), set only when the visitor presses the switch: a preference
the visitor asked for, so it needs no consent (docs/compliance.md, T5). A page whose address
names its language is that language whatever the cookie says, so the page cache and the proxy,
keyed by the address, never give one visitor another's language.
"""

from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

from forms_app.views import SWITCH


def switch_query(query: str, code: str) -> str:
    """The query string of the switch's link to language `code`: the page's own query (a
    service chosen, ?service=...), without an earlier choice, and the choice."""
    return "&".join([*_without_choice(query), f"{SWITCH}={code}"])


def _without_choice(query: str) -> list[str]:
    """The parts of `query` as written, but the choice's: its name read as Django's query
    parser reads it (`switch%5Flanguage` is the choice too; kept, it was chosen again on the
    page it redirected to, which redirected to itself without end)."""
    return [part for part in query.split("&")
            if part and unquote_plus(part.split("=")[0]) != SWITCH]  # fmt: skip


def remember(response: HttpResponse, code: str) -> None:
    """Set the language cookie to `code` on `response` (the settings say how)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    add_never_cache_headers(response)


class LanguageChosenMiddleware:
    """Remembers the switch's choice (see the module), and marks the redirect of an address
    without a language, which reads the cookie, as kept by no proxy or browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = self._chosen(request.GET.get(SWITCH), request)
        if request.method in ("GET", "HEAD") and chosen:
            rest = "&".join(_without_choice(request.META.get("QUERY_STRING", "")))
            target = request.path + (f"?{rest}" if rest else "")
            # This page's own address: a query string (or a path of «//») could make another's.
            if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
                target = "/"
            response = HttpResponseRedirect(target)
            remember(response, chosen)
            return response
        response = self.get_response(request)
        if request.method == "POST" and response.status_code == 200:
            # The view has read the form by now: the switch posted it to this page.
            chosen = self._chosen(request.POST.get(SWITCH), request)
            if chosen:
                remember(response, chosen)
        elif response.status_code == 302 and get_language_from_path(request.path_info) is None:
            # LocaleMiddleware's redirect of «/» to the visitor's language: the cookie's.
            patch_vary_headers(response, ["Cookie"])
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _chosen(value: str | None, request: HttpRequest) -> str | None:
        """`value` when it is a language of the site and the one this address names."""
        languages = dict(settings.LANGUAGES)
        if value in languages and get_language_from_path(request.path_info) == value:
            return value
        return None
