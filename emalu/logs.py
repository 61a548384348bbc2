"""What the logs may keep (compliance T18): no query string, and no secret of an emailed link.

The unsubscribe, newsletter, request and form-consent confirmation and self-service links carry
their secret in the path; whoever reads a log must not be able to unsubscribe someone, confirm
their request or a consent, or open their data with it. The segment after each of those routes
is written as [token] by gunicorn's access log (emalu/gunicorn.py), by the application's own log
records (Django logs "Bad Request: <path>" for every refused link) and, with the same pattern, by
nginx (docs/deploy/nginx.conf). tests/site/test_proxy.py holds all three to every URL with a token.
"""

import contextlib
import contextvars
import logging
import re
import time
import uuid

from django.core.cache import cache
from django.utils.log import AdminEmailHandler
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from consent.common.errors import sqlstate
from consent.common.net import is_trusted_proxy
from emalu.logline import REQUEST_ID, redact, scrub, unwrapped

# --- One JSON object a line, each with its request's id (issue 19) ---------------------------

REQUEST = contextvars.ContextVar("request", default=None)  # for a record Django gives none
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")
request_log = logging.getLogger("emalu.request")


class RequestIdFilter(logging.Filter):
    """A handler filter: the id of the request being served (or "") on every record; Django's
    own line about a response, written after the middleware has returned, finds it on the
    request it carries."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "") or REQUEST_ID.get()
        return True


class Refusals(logging.Filter):
    """A handler filter, before any other: what Django logs of a request it refused for what the
    visitor sent (a 4xx: a Host not in ALLOWED_HOSTS, a body or a form over its limits, a CSRF
    failure; and every django.security record, a malformed session's included) is one WARNING
    line naming the reason, the path and the host; never a traceback, never ERROR, which alerting
    reads as the site failing (bots send these all day), so never mailed. A 5xx keeps both.
    No client address, as on every line (RequestLogMiddleware).

    During the request RequestLogMiddleware serves, that line is the request's own: the reason,
    the host and Django's words (`detail`) join the request's line, which is then a WARNING,
    and Django's record is not written. Each refusal was two lines, an INFO with the status
    and a WARNING with the reason, one request counted twice and the WARNING's id the only
    thing joining them."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is None and record.name.startswith("django.security."):
            status = 400
        if not isinstance(status, int) or not 400 <= status < 500:
            return True
        if record.exc_info and record.exc_info[0] is not None:
            record.reason = record.exc_info[0].__name__
        elif record.name.startswith("django.security."):
            record.reason = record.name.removeprefix("django.security.")
        request = getattr(record, "request", None) or REQUEST.get()
        if request is not None and hasattr(request, "META"):
            record.path = redact(unwrapped(request.path))  # as the request's line writes it
            meta = request.META  # the Host as get_host reads it (no USE_X_FORWARDED_HOST)
            # The visitor's own words, as Django's detail quotes them (a Host, an Origin): what
            # could be a person's data goes, as from a traceback (scrub).
            record.host = scrub(str(meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""))[:255])
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        if request is not None and request is REQUEST.get() and hasattr(request, "request_id"):
            request.refusal = {
                "reason": getattr(record, "reason", ""),
                "host": getattr(record, "host", ""),
                "detail": scrub(record.getMessage()[:300]),
            }
            return False
        return True


class ExceptionsOnly(logging.Filter):
    """For the mail to ADMINS: an exception the site did not handle, not every 5xx answer (a
    503 while the database is away, /healthz polled during an outage)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.exc_info is not None


def request_id_for(request) -> str:
    """The id nginx gave the request (X-Request-ID, nginx's $request_id) when the peer is a
    trusted proxy and the id is well formed; a new one otherwise."""
    sent = request.headers.get("X-Request-ID", "")
    if WELL_FORMED_ID.fullmatch(sent) and is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
        return sent
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """First of all middleware: gives the request its id (in every log line while it is served,
    and in the X-Request-ID response header) and writes its one line: method, path without query
    string or link secret, status and duration. No IP address, not even hashed: an address is
    personal data in Kazakhstan, and a hash of the few billion IPv4 addresses is undone by
    trying them all; rate limits and lockouts keep what they need in the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id = request_id_for(request)
        reset, reset_request = REQUEST_ID.set(request_id), REQUEST.set(request)
        start = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            refusal = getattr(request, "refusal", None)  # Refusals: what the visitor sent
            request_log.log(
                logging.WARNING if refusal else logging.INFO,
                "request",
                extra={
                    "method": request.method,
                    # As it is read: «…/my-data/op en/<key>/» kept its key whole, unseen by the
                    # pattern (compliance T18).
                    "path": redact(unwrapped(request.path)),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                    **(refusal or {}),
                },
            )
            return response
        finally:
            REQUEST_ID.reset(reset)
            REQUEST.reset(reset_request)


# --- Error mail without personal data (issue 19) ------------------------------------------------

SAFE_META = {
    "REQUEST_METHOD", "PATH_INFO", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL",
    "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_HOST", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE",
    "HTTP_X_REQUEST_ID", "wsgi.url_scheme",
}  # fmt: skip


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """What a 500's report may show, DEBUG or not: no posted value, no cookie, no header but
    the few above, no local variable of any frame."""

    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_safe_cookies(self, request):
        return {key: self.cleansed_substitute for key in getattr(request, "COOKIES", {})}

    def get_safe_request_meta(self, request):
        if not hasattr(request, "META"):
            return {}
        return {
            key: str(value) if key in SAFE_META else self.cleansed_substitute
            for key, value in request.META.items()
        }

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


class PrivateExceptionReporter(ExceptionReporter):
    """Django's report (the mail to ADMINS) through the filter above, without the exception's
    message (it may quote what a person typed: a name cannot be told from other words), the
    query string, the names of uploaded files or the signed-in user, and scrubbed (scrub). The
    request id leads to the full lines in the host's log."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        hidden = self.filter.cleansed_substitute
        request_id = getattr(self.request, "request_id", "")
        if "exception_value" in data:
            data["exception_value"] = f"{hidden} (the log has it: request id {request_id})"
        data.pop("exception_notes", None)
        for frame in data.get("frames", []):
            if frame.get("exc_cause") is not None:
                frame["exc_cause"] = type(frame["exc_cause"]).__name__
        if self.request is not None:
            data["request_GET_items"] = [(k, hidden) for k in self.request.GET]
            data["request_FILES_items"] = [(k, hidden) for k in self.request.FILES]
            data["request_insecure_uri"] = self.request.path
        data["user_str"] = None
        return data

    def get_traceback_text(self):
        return scrub(super().get_traceback_text())

    def get_traceback_html(self):
        return scrub(super().get_traceback_html())


class OncePerFault(AdminEmailHandler):
    """ADMINS hear of a fault once per FAULT_MAIL_SECONDS, on every host together (the shared
    cache): a bug on a busy page, or one someone sets off again and again, mailed every time,
    each mail an SMTP session inside the visitor's request. The journal keeps every one. A fault
    is the exception's type, the line that raised it and the database's SQLSTATE if any; with
    the cache down, each is mailed.

    A report the relay did not take is one ERROR line naming the relay and why (the outbox's
    words, consent/core/delivery.py), and its fault is tried again after UNMAILED_SECONDS, not
    ten minutes. The relay failed silently: the journal had the traceback, nothing said ADMINS
    never got it, and the fault was held back ten minutes as if they had. Not at once either: a
    relay dropping packets would hold each of the fault's error pages its 5 s."""

    def emit(self, record: logging.LogRecord) -> None:
        mailed = None
        if record.exc_info and record.exc_info[2] is not None:
            tb = record.exc_info[2]
            while tb.tb_next is not None:
                tb = tb.tb_next
            code = tb.tb_frame.f_code
            # The SQLSTATE too: every refusal of the database is raised on the driver's one line,
            # and a statement timeout mailed kept a full disk from being mailed for ten minutes.
            state = sqlstate(record.exc_info[1])
            fault = f"{record.exc_info[0].__qualname__}:{code.co_filename}:{tb.tb_lineno}:{state}"
            try:
                first = cache.add(f"fault-mailed:{fault}", True, FAULT_MAIL_SECONDS)
            except Exception:  # the cache is down: mail rather than lose the report
                first = True
            if not first:
                return
            mailed = f"fault-mailed:{fault}"
        try:
            super().emit(record)
        except Exception as error:  # the visitor's error page comes first, whatever this is
            from consent.core.relay import not_delivered_because

            why = not_delivered_because(error, self.using)
            unmailed.error("the report of this error to ADMINS was not mailed: %s", why)
            if mailed:
                with contextlib.suppress(Exception):
                    cache.set(mailed, True, UNMAILED_SECONDS)


unmailed = logging.getLogger("emalu.logs.admins")


FAULT_MAIL_SECONDS = 600
UNMAILED_SECONDS = 60


# The loggers of the lines a restore reads from the journal should the database be lost
# (docs/deploy/backups.md, step 2): each destruction and each mail sent. INFO lines, written
# whatever LOG_LEVEL says: with LOG_LEVEL=WARNING the journal had none, and the restored database
# brought back the people destroyed since the backup and sent their mail again.
RESTORE_READS = ("consent.rights.erasure", "consent.core.delivery.sent")


def logging_settings(level: str) -> dict:
    """settings.LOGGING: every line JSON on stderr with the request's id and no link secret;
    errors mailed to ADMINS, scrubbed of personal data."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "emalu.logline.JsonFormatter"}},
        "filters": {
            # Django logs the path of every refused request: no link secret in it (compliance T18).
            "no_tokens": {"()": "emalu.logline.RedactTokens"},
            # A refusal a visitor caused (Host, size limits, CSRF, session) is no fault.
            "refusals": {"()": "emalu.logs.Refusals"},
            "request_id": {"()": "emalu.logs.RequestIdFilter"},
            "exceptions_only": {"()": "emalu.logs.ExceptionsOnly"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["refusals", "no_tokens", "request_id"],
            },
            "mail_admins": {
                "class": "emalu.logs.OncePerFault",
                "using": "admins",  # settings.MAILERS: a relay that is down is said so
                "level": "ERROR",
                "filters": ["refusals", "exceptions_only", "no_tokens"],
                "include_html": False,
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's default handlers (its console under DEBUG, its own mail to ADMINS) go: every
            # line goes through the root's JSON console, and only the handler below mails.
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            "django.db.backends": {"level": "WARNING"},
            # Django's "Internal Server Error: <path>" with the traceback; the console has it too.
            "django.request": {"handlers": ["mail_admins"], "level": "ERROR"},
            # The request line is emalu.request's; Django's own would repeat every 4xx.
            "django.server": {"level": "ERROR"},
            # The PDF library's font subsetting says some fifty INFO lines about glyphs for each
            # export or evidence file: noise in the log, and the glyphs of a person's name.
            "fontTools": {"level": "WARNING"},
            **{name: {"level": "INFO"} for name in RESTORE_READS},
        },
    }
