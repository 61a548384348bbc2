"""Public pages rendered once and served from the cache.

A public page is the same for every visitor of one address, language and cookie choice, but
for a few values: the CSRF token, the CSP nonce, and what other apps register (forms_app: a
form's one-time token). The page is rendered with a placeholder for each, kept in the cache,
and the placeholders are replaced with this visitor's values on the way out. Any save of a
page, a policy version or a consent text starts a new cache generation; the date is part of
the key, because a policy version takes effect on its effective date without a save; and the
release (settings.RELEASE), so that after an upgrade, and on hosts of two releases sharing one
Redis mid-rollout, no host serves a page that other code rendered (its templates, its hashed
static file names, its placeholders); and the settings a page shows (shared_settings: the
operator's details, the analytics ids, the site's address), so that after an operator changes one
and restarts, no page made with the old value is served from Redis, which a restart keeps.

Every worker must see the same generation: with several gunicorn workers set CACHE_URL to
Redis (as the rate limits need anyway). A local-memory cache is bounded by TIMEOUT.

A page that needs no slot filled holds nothing of the visitor's: it is sent as one the proxy
may keep for PAGE_PROXY_SECONDS (docs/deploy/nginx.conf, keyed by the same address, language
and cookie choice); any other is sent `no-store`, so neither the proxy nor the browser keeps a
token, a nonce or a form meant for one visitor.
"""

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from .dates import local_today
from .shared_settings import settings_digest

TIMEOUT = 300
GENERATION = "pagecache:generation"
# context name -> (placeholder, function of the request giving this visitor's value)
_SLOTS = {}


def register_slot(name: str, fill: Callable[[HttpRequest], str]) -> str:
    """Let templates rendered through shared_page() use `{{ name }}` for a per-visitor value
    `fill(request)`; returns the placeholder (also what a form's initial value may hold)."""
    placeholder = f"pagecache-slot-{name}-9b1f6c2e"
    _SLOTS[name] = (placeholder, fill)
    return placeholder


def placeholders() -> dict[str, str]:
    """{context name: placeholder} of every registered slot."""
    return {name: placeholder for name, (placeholder, _fill) in _SLOTS.items()}


register_slot("csrf_token", get_token)
register_slot("csp_nonce", lambda request: str(get_nonce(request)))


def new_generation(**kwargs: object) -> None:
    """A signal receiver: pages rendered before the change commits are not served again. Once
    now, and again at the commit: a request between the two may have kept the old row."""

    def start() -> None:
        cache.set(GENERATION, uuid.uuid4().hex, None)

    start()
    transaction.on_commit(start)


def _generation():
    value = cache.get(GENERATION)
    if value is None:  # never set, or evicted: never fall back to an older generation
        cache.add(GENERATION, uuid.uuid4().hex, None)
        value = cache.get(GENERATION)
    return value


def shared_page(
    request: HttpRequest, render: Callable[[dict[str, str]], HttpResponse]
) -> HttpResponse:
    """The response of `render(slots)` for this page, from the cache when it was rendered before.

    `render` gets the placeholders to put into its template context and returns a response;
    only a 200 is kept.
    """
    # Only a plain address is shared: a query string is the visitor's own (the cookie banner
    # sends them back to the full path), and other methods are not pages to keep.
    key = None
    # Nor a page that carries a message for this visitor (what their last action did).
    if (request.method in ("GET", "HEAD") and not request.META.get("QUERY_STRING")
            and not len(get_messages(request))):  # fmt: skip
        key = ":".join(
            [
                "pagecache",
                settings.RELEASE,
                settings_digest(),
                _generation(),
                local_today().isoformat(),
                get_language(),
                str(getattr(request, "analytics_choice", None)),
                # Not the host: a page names the site by SITE_URL alone. The path as a digest: a
                # stranger's path of any length or character, over the 250 a cache key may hold,
                # wrote a warning line of its own outside the JSON log on every such request.
                hashlib.sha256(request.path.encode()).hexdigest(),
            ]
        )
        cached = cache.get(key)
        if cached is not None:
            content_type, body = cached
            return _fill(request, HttpResponse(content_type=content_type), body, shared=True)
    response = render(placeholders())
    body = response.content.decode()
    if key is not None and response.status_code == 200:
        cache.set(key, (response["Content-Type"], body), TIMEOUT)
    return _fill(request, response, body, shared=key is not None and response.status_code == 200)


def _fill(request, response, body, shared):
    """The response with this visitor's values in place of the placeholders, and the headers
    that say who may keep it: the proxy, briefly, when nothing was filled in; nobody else."""
    for placeholder, fill in _SLOTS.values():
        if placeholder in body:
            body = body.replace(placeholder, fill(request))
            shared = False
    response.content = body
    if shared:  # set whole: patch_cache_control() parses the header first, a tenth of a hit's time
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_PROXY_SECONDS}"
    else:
        add_never_cache_headers(response)
    return response
