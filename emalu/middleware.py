import logging
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponseNotAllowed, HttpResponsePermanentRedirect
from django.middleware.common import CommonMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import add_never_cache_headers
from django.utils.encoding import iri_to_uri
from django.utils.http import escape_leading_slashes, url_has_allowed_host_and_scheme

from consent.common.clock import clock_wrong_lately
from consent.common.errors import FORM_NOT_READ, error_page, sqlstate
from consent.common.net import forwarded_by_untrusted_peer, holds_link_secret
from consent.core.keys import note_keys

from .enrolment import SESSION_KEY as ENROLMENT_KEY
from .errors import (
    database_read_only,
    database_refused,
    read_only_page,
    service_down,
    service_down_page,
)
from .health import untrusted_proxy_seen
from .staff import staff_language_follow, staff_session_renew
from .uploads import VisitorPartsParser

security_log = logging.getLogger("emalu.security")
# Django's logger of server errors: what it logs is mailed to ADMINS (emalu/logs.py).
server_errors = logging.getLogger("django.request")


class HeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, on every response (it is above
    WhiteNoise, so static files too):
    - Cross-Origin-Resource-Policy: same-origin: no other site may load the pages, exports or
      photos as an image, script or the like into its own process;
    - no browser or proxy keeps a staff page (compliance T2): the admin marks most views
      never_cache, but not its password change pages, its JavaScript catalogue or the error
      pages it raises;
    - no search engine lists an address that is a secret, an emailed link's (the rule the logs
      redact by, `holds_link_secret`) or the staff side's (ADMIN_URL): X-Robots-Tag: noindex.
      robots.txt allows every page, so a link posted or forwarded where a crawler reads it was
      listed, its secret with it, for anyone to press;
    - an emailed link's address passes on only its origin (LINK_REFERRER_POLICY): the next page,
      by a link or a redirect, read the secret (document.referrer), its analytics sent it abroad."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.staff_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        staff = request.path_info.startswith(self.staff_prefix)
        if staff:
            add_never_cache_headers(response)
        link = holds_link_secret(request.get_full_path())
        if staff or link:
            response.headers.setdefault("X-Robots-Tag", "noindex")
        # SecurityMiddleware, above this one, answers after it and sets its own only where none is.
        if link:
            response.headers["Referrer-Policy"] = settings.LINK_REFERRER_POLICY
        return response


class KnownMethodsMiddleware:
    """Only the methods a browser, a mail client's one-click unsubscribe (RFC 8058) and the
    health checks send (GET, HEAD, POST) reach a view; any other is a 405 naming them. The
    function views answered OPTIONS, TRACE, PUT, DELETE or PATCH as a GET (the whole page,
    200; PUT to the unsubscribe link, which takes no CSRF token, too), and gunicorn passes them
    all on.

    Every 405, this one's or a view's (`require_safe`, `require_POST`: a form posted to a page
    that only shows), is the error page in the visitor's language with its Allow header: Django
    answers them with an empty page, which a browser shows blank."""

    ALLOWED = ("GET", "HEAD", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.ALLOWED:
            response = HttpResponseNotAllowed(self.ALLOWED)
        else:
            response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            page = error_page(request, 405)  # above LocaleMiddleware: error_page finds it
            page["Allow"] = response["Allow"]
            return page
        return response


def normal_path(path: str) -> str:
    """`path` as a browser and nginx read it (RFC 3986 5.2.4, and nginx's merge_slashes): no
    «.» or «..» segment, no empty one. Never begins with «//», which a browser would read as
    another host."""
    segments = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            del segments[-1:]
        elif segment not in ("", "."):
            segments.append(segment)
    last = path.rsplit("/", 1)[-1]
    slash = "/" if segments and last in ("", ".", "..") else ""
    return "/" + "/".join(segments) + slash


class NormalPathMiddleware:
    """A page asked for by an address with «..», «.» or «//» in its path is sent (301) to the
    address a browser would have made of it. No browser sends one, but a link typed or mangled
    by a program does, and nginx passes it on as it came while it reads it normalised itself
    (its locations, its error pages' language): «/kk/../ru/contact/» got the Kazakh 404 for
    what is the Russian form. A post is sent on as a post (308, SENT_ON_AS_POST): a 301 would
    lose it, and the 404 it had lost it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (normal := normal_path(path)) != path:
            query = request.META.get("QUERY_STRING", "")
            target = escape_leading_slashes(iri_to_uri(normal) + (f"?{query}" if query else ""))
            # A path of this site by construction (one leading «/»); checked all the same, as
            # every redirect built from what the request says is.
            if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
                target = "/"
            posted = request.method not in ("GET", "HEAD")
            return HttpResponsePermanentRedirect(target, preserve_request=posted)
        return self.get_response(request)


# A post Django sends on to the address it meant: sent as a post, its fields with it (307, 308).
# A browser follows a 301 or a 302 with a GET: the form typed came back empty, its text lost.
SENT_ON_AS_POST = {301: 308, 302: 307}


def sent_on_as_posted(request, missing, response):
    """`response` with the method kept, when it is the redirect Django made of the 404 of a post
    (`missing`): the same address, the one a form is at."""
    if (
        missing
        and request.method not in ("GET", "HEAD")
        and response.status_code in SENT_ON_AS_POST
    ):
        response.status_code = SENT_ON_AS_POST[response.status_code]
    return response


class SlashAppendedMiddleware(CommonMiddleware):
    """Django's, but a post to a form's address without its last «/» («/kk/contact») is sent on
    to the form as a post (308). Django sent it on with a 301, which a browser follows with a GET:
    the form came back empty and what the visitor wrote was gone; with DEBUG it was a 500."""

    def get_full_path_with_slash(self, request):
        return escape_leading_slashes(request.get_full_path(force_append_slash=True))

    def process_response(self, request, response):
        missing = response.status_code == 404
        return sent_on_as_posted(request, missing, super().process_response(request, response))


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's, but a post to an address without its language («/contact/») is sent on to the
    form in the visitor's language as a post (307), as SlashAppendedMiddleware sends it."""

    def process_response(self, request, response):
        missing = response.status_code == 404
        return sent_on_as_posted(request, missing, super().process_response(request, response))


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database, or the shared cache (Redis: rate limits, the page
    cache) it needs as much, answers 503 with Retry-After, not 500 (compliance T13): a service
    down is no bug to mail ADMINS about on every request, and the visitor is told to come back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not service_down(exception):
            return None
        if database_read_only(exception):
            return read_only_page(request)
        refused = database_refused(exception)
        if not refused:
            return service_down_page(request, exception)
        response = error_page(request, 503)
        # The database answers: no /healthz says it, so ADMINS are mailed (the traceback).
        server_errors.error(
            "%s (SQLSTATE %s): %s", refused, sqlstate(exception), request.path,
            exc_info=exception, extra={"status_code": 503, "request": request},
        )  # fmt: skip
        response._has_been_logged = True  # not Django's «Service Unavailable» line again
        return response


# The media types of a form, the two whose fields Django reads (HttpRequest._load_post_and_files).
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def unread_form(request) -> int | None:
    """The status refusing a post whose fields Django would not read, or None: 415 for a body
    in another media type than a form's (Django leaves its fields empty), 400 for a form body
    that is not UTF-8 (Django reads it as Latin-1). An empty body has nothing to read: a
    one-click unsubscribe sent bare still unsubscribes."""
    if request.content_type not in FORM_TYPES:
        return 415 if int(request.META.get("CONTENT_LENGTH") or 0) else None
    if request.content_type == FORM_TYPES[0]:
        try:
            request.body.decode("utf-8")
        except UnicodeDecodeError:
            return 400
    return None


class FormBodyMiddleware:
    """A post whose fields the site cannot read is refused with the page that says so
    (FORM_NOT_READ), in the visitor's language, before the CSRF check, which read no token in
    it and said the form was out of date: one in another media type than a form's, or a form
    body that is not UTF-8 (`unread_form`). A charset the post declares is gone before
    (emalu.wsgi.read_as_utf8); percent-escapes that are not UTF-8 become U+FFFD, which the
    form fields refuse (forms_app.fields.VisitorText). A multipart post keeps a file whatever
    its name (emalu.uploads.VisitorPartsParser).

    A view that takes no CSRF token (`csrf_exempt`) reads what it can of the post itself: the
    one-click unsubscribe (RFC 8058), whose signed link is the credential, was refused so when
    a mail client posted it in another media type, and the person stayed subscribed
    (compliance L15)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == FORM_TYPES[1]:
            request.multipart_parser_class = VisitorPartsParser
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "csrf_exempt", False) or request.method != "POST":
            return None
        status = unread_form(request)
        return error_page(request, status, FORM_NOT_READ) if status else None


class UntrustedProxyMiddleware:
    """Warn once per process when requests come through a proxy that TRUSTED_PROXIES does not
    name, and tell /healthz (through the shared cache, at most every NOTE_EVERY seconds, so that
    every worker and host reports it). Behind the documented nginx with TRUSTED_PROXIES empty
    every visitor counts as 127.0.0.1: one visitor's posts would spend the whole site's form
    limit and five bad sign-ins would lock a staff name for everyone (compliance T6, T8). The
    deploy check emalu.W001 asks for the setting before start; this catches a proxy the check
    could not know about."""

    NOTE_EVERY = 600
    warned = False
    noted_at = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if forwarded_by_untrusted_peer(request):
            cls = UntrustedProxyMiddleware
            if not cls.warned:
                cls.warned = True
                security_log.warning(
                    "Requests arrive with X-Forwarded-For from a peer not in TRUSTED_PROXIES: "
                    "every visitor behind it counts as one address for rate limits and sign-in "
                    "lockout. Set TRUSTED_PROXIES to the proxy's address or network "
                    "(docs/deploy/nginx.conf)."
                )
            now = time.monotonic()
            if cls.noted_at is None or now - cls.noted_at > cls.NOTE_EVERY:
                cls.noted_at = now
                untrusted_proxy_seen()
        return self.get_response(request)


class KeysNotedMiddleware:
    """Note this host's signing and encryption keys, by their keyed digests, in the database
    once a minute while it serves (consent/core/keys.py::note_keys): a host started with a
    SECRET_KEY or MEDIA_ENCRYPTION_KEY that does not read what this one signs or encrypts sees
    them and does not start (emalu.E002, consent.E012), whether the monitoring asks /healthz
    or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        note_keys()
        return self.get_response(request)


class ClockMiddleware:
    """A host whose clock drifted after it started (its time synchronisation stopped) dated
    every form, request and staff action wrongly: a request's receipt and so its due date, a
    consent's moment, while it served on. Its posts answer 503 (come back in a few minutes, in
    the visitor's language; nothing stored) while the clock is more than HOST_CLOCK_TOLERANCE
    off the database server's; the pages are still shown, and another host with a right clock
    takes the post when it comes again. Each time logged as an error, with how far off and
    what to do; /healthz names `clock`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and (wrong := clock_wrong_lately()):
            server_errors.error("A post refused (503): %s", wrong,
                                extra={"status_code": 503, "request": request})  # fmt: skip
            return error_page(request, 503)
        return self.get_response(request)


class StaffIdleTimeoutMiddleware:
    """A staff session ends after STAFF_IDLE_SECONDS without a request (compliance L22, T7):
    each request of a signed-in (or half-enrolled) session moves its end that far ahead
    (staff_session_renew). Only staff sign in on this site (the admin and the enrolment page
    admit no one else); a public visitor's session, the self-service one included, keeps
    Django's own age. Listed after the session and authentication middleware.

    An admin page also notes the language it was used in, for the staff member's notices
    (`staff_language_follow`: a query only when it changed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if (
            session is not None
            and SESSION_KEY in session
            and request.path.startswith(f"/{settings.ADMIN_URL}")
            and request.user.is_staff
        ):
            staff_language_follow(request, request.user)  # before the page, which may show it
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and (SESSION_KEY in session or ENROLMENT_KEY in session):
            staff_session_renew(session)
        return response
