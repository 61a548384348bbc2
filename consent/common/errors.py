"""Error pages in the visitor's language, with no traceback or settings (compliance T18)."""

from contextlib import nullcontext

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    400: (
        _("Bad request"),
        _("The request could not be understood. Please go back and try again."),
    ),
    403: (_("Access denied"), _("You do not have access to this page.")),
    404: (_("Page not found"), _("There is no page at this address. It may have moved.")),
    405: (
        _("Request not accepted"),
        _(
            "This address does not accept the request your browser sent. Open the page again "
            "from the site's menu and try once more."
        ),
    ),
    429: (
        _("Too many attempts"),
        _("You have sent the form too many times. Please wait a minute and try again."),
    ),
    500: (_("Something went wrong"), _("The error has been recorded. Please try again later.")),
    503: (
        _("Temporarily unavailable"),
        _("The site cannot take requests at the moment. Please try again in a few minutes."),
    ),
}


# A form refused by the CSRF check: the browser did not send the site's cookie back (deleted
# while the page was open, or blocked). Going back brings the page again, with a new cookie and,
# in the browsers tried, what was typed; sending it again then works.
FORM_NOT_SENT = (
    _("The form was not sent"),
    _(
        "Your browser did not send back this site's cookie, which every form needs. Go back to "
        "the form: what you typed is usually still there. Then send it again. If you see this "
        "page again, allow cookies for this site."
    ),
)


# A form refused by the CSRF check for another reason than the cookie: over HTTPS the browser
# did not say the form came from this site's own page (no Referer or Origin, as a privacy setting
# or extension may leave out, or another site's); or the form's token no longer matches the
# cookie (the page was shown before a sign-in or sign-out, or kept open from an older session).
FORM_FROM_ELSEWHERE = (
    _("The form was not sent"),
    _(
        "Your browser did not say that the form was sent from this site's own page. Open the "
        "form from the site's menu and send it again. If you see this page again, a privacy "
        "setting or a browser extension may be hiding it: turn that off for this site."
    ),
)
FORM_OUT_OF_DATE = (
    _("The form was not sent"),
    _(
        "The form was out of date: it was opened before something changed in your browser's "
        "session with this site, such as signing in or out in another tab. Open the form "
        "again, check what you typed, and send it."
    ),
)


# A post whose fields Django cannot read (emalu/middleware.py::FormBodyMiddleware): sent in
# another media type than a form's two (a <form> of enctype="text/plain", JSON), or a form body
# that is not UTF-8. Its token unread too, the CSRF check said the form was out of date.
FORM_NOT_READ = (
    _("The form was not sent"),
    _(
        "This site could not read the form your browser sent, so nothing was saved. Go back "
        "to the form, check what you typed and send it again. If you see this page again, "
        "send it from another browser."
    ),
)

# A post over a size limit (413): over the proxy's body limit (docs/deploy/nginx.conf
# client_max_body_size), where nginx answers by itself, or over the site's own (the form's text
# over DATA_UPLOAD_MAX_MEMORY_SIZE, more fields or files than DATA_UPLOAD_MAX_NUMBER_FIELDS or
# _FILES take), where Django stops reading it: either way the form cannot be shown again with
# the reason, so the page says what to shorten.
TOO_LARGE = (
    _("What you sent is too large"),
    _(
        "What you sent is larger than this site takes, so the form was not sent. Go back, "
        "shorten the text you typed or choose a photo of at most 5 MB, and send the form again."
    ),
)

# A request refused before the site sees it: by nginx (docs/deploy/nginx.conf
# large_client_header_buffers), its cookies or its address longer than nginx takes, or a header
# it cannot parse; or by gunicorn (emalu/gunicorn.py), for what nginx passes on but HTTP forbids,
# an address with letters not percent-encoded or a header with control characters. The browser
# sends the same cookies again, so going back does not help, clearing them does.
NOT_READ = (
    _("The request could not be read"),
    _(
        "Your browser sent an address or cookies that this site cannot read: too long, or with "
        "characters that do not belong there. Open the page from the site's home page. If you "
        "see this page again, delete this site's cookies in your browser's settings and reload "
        "the page."
    ),
)

# A visitor over the proxy's request limits (docs/deploy/nginx.conf limit_req, limit_conn):
# nginx answers by itself, for a page as for a form.
TOO_MANY_REQUESTS = (
    _("Too many requests"),
    _(
        "Too many requests have come from your network in a short time. Please wait a minute "
        "and try again."
    ),
)


def error_page(
    request: HttpRequest, status: int, message: tuple[str, str] | None = None
) -> HttpResponse:
    """The error page for `status`, with its own title and text or those of `message`, in the
    visitor's language. A refusal made before LocaleMiddleware has chosen it (a host not
    allowed, found by the HTTPS redirect; Redis down for a middleware above it; a method not
    taken) is in the language LocaleMiddleware would choose, the path's first: it was the
    default language's, Kazakh on a /ru/ page."""
    chosen = nullcontext()
    if getattr(request, "LANGUAGE_CODE", None) is None:
        request.LANGUAGE_CODE = get_language_from_request(request, check_path=True)
        chosen = translation.override(request.LANGUAGE_CODE)
    title, text = message or MESSAGES[status]
    context = {"status": status, "title": title, "text": text}
    with chosen:
        html = render_to_string("error.html", context, request=request)
    response = HttpResponse(html, status=status)
    if status in (429, 503):
        response["Retry-After"] = "60" if status == 429 else "30"
    return response


def every_language_page(message: tuple[str, str], only: str | None = None) -> str:
    """A page with `message` in every language of the site, one after the other, for an answer
    made where nothing tells which the visitor reads: nginx's own (its error_page files,
    emalu/management/commands/collectstatic.py) and gunicorn's (emalu/gunicorn.py). In the
    language `only` alone where the address names it."""
    pages = []
    for language, _name in settings.LANGUAGES:
        if only not in (None, language):
            continue
        with translation.override(language):
            title, text = map(str, message)
            home = str(_("Go to the home page"))
        pages.append({"language": language, "title": title, "text": text, "home": home})
    return render_to_string("proxy_error.html", {"pages": pages})


def sqlstate(error: BaseException | None) -> str:
    """The SQLSTATE the database server gave for `error` (Django's wrapper of the driver's
    error, whose `__cause__` carries it), or "" where none did (SQLite, a connection that never
    reached a server): the one reading of it for the checks that tell refusals apart."""
    return getattr(getattr(error, "__cause__", None), "sqlstate", None) or ""


def taken_first(error: BaseException) -> bool:
    """Whether the database refused a duplicate of a unique key (PostgreSQL's 23505, SQLite's
    «UNIQUE constraint failed» for the demo): another post stored it first."""
    state = sqlstate(error)
    return state == "23505" or (not state and str(error).startswith("UNIQUE constraint"))
