"""gunicorn settings: `gunicorn -c emalu/gunicorn.py emalu.wsgi` (docs/deploy/)."""

import importlib.util
import logging
import os
import resource
import sys
import sysconfig
import threading
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from gunicorn import util
from gunicorn.glogging import Logger
from gunicorn.http import message


def _forget_the_running_code():
    """Drop from the master's modules what is not the standard library or gunicorn: the site's
    code and the packages of its virtualenv. Read by a reload (HUP) in a master started on an
    earlier release, whose settings file imported emalu.logs and with it Django: the workers it
    forks would otherwise take those modules, not the new release's, and fail on what it adds."""
    here = Path(__file__).resolve().parent.parent
    packages = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file or name.partition(".")[0] in ("gunicorn", "__config__"):
            continue
        path = Path(file).resolve()
        if path.is_relative_to(here) or any(path.is_relative_to(p) for p in packages):
            del sys.modules[name]


if __name__ == "__config__":  # as gunicorn reads this file, not a test importing it
    _forget_the_running_code()


def _log_line():
    """emalu/logline.py, read from its file under a name of its own: the master imports no
    module of the site (nor Django), so that each worker, the ones a reload forks included,
    imports the site from the code on disk (emalu/logline.py says what a reload met)."""
    path = Path(__file__).resolve().with_name("logline.py")
    spec = importlib.util.spec_from_file_location("_emalu_gunicorn_logline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_line = _log_line()
JsonFormatter, RedactTokens, logged = _line.JsonFormatter, _line.RedactTokens, _line.logged
refused_line = _line.refused_line


def number(name, default, least=0):
    """A whole number from the environment, `least` or more. One that is not stops gunicorn with
    the line that names it: gunicorn answers any other error in this file with a traceback
    ending in the value, and took GUNICORN_WORKERS=0 as a master with no worker, listening and
    ready to systemd while every request waited until nginx gave up on it."""
    value = os.environ.get(name, str(default)).strip()  # no value means the spaces around it
    try:
        read = int(value)
    except ValueError:
        raise SystemExit(f"{name} is not a whole number (unset: {default}).") from None
    if read < least:
        raise SystemExit(f"{name} is below {least}, the least it may be (unset: {default}).")
    return read


def address(name, default):
    """host:port (an IPv6 host in brackets; a host alone is gunicorn's port 8000), unix:/path
    or fd://N, from the environment. One gunicorn
    cannot bind stops it with the line that names it: an empty value had it listen nowhere and
    every worker fail with a traceback, over and over; a port past 65535 stopped it on
    OverflowError's traceback."""
    value = os.environ.get(name, default).strip()
    if value.startswith(("unix:/", "fd://")):  # a socket file, or one given (the live tests)
        return value
    where = value.removeprefix("tcp://")
    host, _, port = where.rpartition(":") if ":" in where else (where, "", "8000")
    if not (host and "/" not in host and port.isdigit() and 0 < int(port) < 65536):
        raise SystemExit(f"{name} is not host:port, e.g. 127.0.0.1:8000 (unset: {default}).")
    return value


bind = address("GUNICORN_BIND", "127.0.0.1:8000")
workers = number("GUNICORN_WORKERS", 3, least=1)
threads = number("GUNICORN_THREADS", 1, least=1)
timeout = number("GUNICORN_TIMEOUT", 30)
graceful_timeout = 20
# A worker is replaced after this many requests, to hand back what a long life may leave behind
# (heap fragmented by photo decoding). Not sooner: at full load 2000 requests was a restart every
# ~3 s, each dropping the worker's local page cache and warm connections (953 against 649 req/s
# without restarts, issue 21). 50,000 is about a minute of full load and days of ordinary traffic;
# the pages themselves live in the shared cache (CACHE_URL: Redis in production), which a
# restart does not empty, and the most visited ones in nginx's cache (docs/deploy/nginx.conf).
max_requests = 50000
max_requests_jitter = 5000
# No access log of gunicorn's own: the application writes one JSON line per request with its id
# (emalu.logs.RequestLogMiddleware), and nginx keeps its log. GUNICORN_ACCESS_LOG=- turns it on,
# redacted as below, for whoever needs gunicorn's view too.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "").strip() or None
errorlog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
# The only peers whose X-Forwarded-Proto makes a request HTTPS (the WSGI url scheme): the site
# believes this, not the header (settings SECURE_PROXY_SSL_HEADER is None), so a client reaching
# gunicorn directly cannot claim https (tests/site/test_forwarded_proto.py). Never "*".
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1").strip()
# From such a peer gunicorn believes only what nginx sets (docs/deploy/nginx.conf). Its defaults
# also took a SCRIPT_NAME header as the mount point, and X-Forwarded-Ssl and -Protocol as the
# scheme. A client on the host (trusted as nginx is) sending «SCRIPT_NAME: /x» got a 500 from
# gunicorn (the path is not under it), «SCRIPT_NAME: /kk» the site as if mounted at /kk; and
# nginx passes a visitor's X-Forwarded-Ssl on as sent, which, contradicting its own
# X-Forwarded-Proto, was a refusal. The site is served at the root: no header names a mount
# point, and any other header with an underscore is dropped (tests/site/test_environ_headers.py).
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
forwarder_headers = ""
header_map = "drop"
# A request line and a header as long as the documented nginx reads (large_client_header_buffers:
# 8 KB a line; what it refuses, it answers with the site's own page, not-read.html), so that what
# nginx passes on the site reads (tests/site/test_gunicorn_limits.py, just under and just over
# each). nginx reads a line of 8190 bytes and its CRLF. gunicorn's own request line limit was
# 4 KB: an address of 4 to 8 KB passed nginx and got gunicorn's English «414 URI Too Long»;
# 8190 bytes is the most gunicorn takes, and nginx's. A header's limit counts its CRLF: 8190,
# gunicorn's default, refused a Cookie line of 8189 or 8190 bytes that nginx had passed. The
# site's own longest address is a signed link (~150 bytes) with a tracking query; its cookies
# (session, CSRF, the banner's answer) are under 300 bytes, the rest are other sites' scripts'.
limit_request_line = 8190
limit_request_field_size = 8192
# Headers: a browser sends 10 to 30 (client hints, fetch metadata, conditionals), nginx adds 4
# (docs/deploy/nginx.conf: Host, X-Forwarded-For, -Proto, X-Request-ID) and sets no count
# of its own: 100, gunicorn's default, leaves room for a corporate proxy's additions.
limit_request_fields = 100
# No control socket (gunicorn 25.1 and later, for `gunicornc`): its default path is one per user,
# $XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl, so each gunicorn started on the host
# (a second site, a staging copy, a test run) takes it over from the one before, and a command
# meant for this site would reload, resize or stop another. systemd's reload and restart
# (docs/deploy/emalu.service) are the site's controls.
control_socket_disable = True

# Compliance T9: a ceiling on each worker's memory. Photos are decoded within a budget of their
# own (forms_app/images.py); should anything still make a worker allocate past this, the
# allocation fails as a MemoryError, which the photo field answers with a form error, instead of
# the kernel's OOM killer choosing a process on the host. RLIMIT_DATA counts what malloc, Python
# and the image codecs take (the heap and private writable mappings), not the shared libraries
# or reserved address space that RLIMIT_AS would also count. In MB; 0 for none.
worker_memory_mb = number("GUNICORN_WORKER_MEMORY_MB", 384)


def post_fork(server, worker):
    if worker_memory_mb:
        limit = worker_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


class RefusedRequestText(logging.Filter):
    """The error log's line for a refused or failed request without the visitor's text in it
    (emalu/logline.py::refused_line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(("Invalid request from ip=", "Error handling request")):
            record.msg, record.args = refused_line(message), ()
        return True


def as_read(value: str) -> str:
    """A WSGI string (the path, a header: its bytes as Latin-1) as the site reads it, UTF-8: a
    link split by a no-break space (its two bytes) is one the site opens (emalu/pasted.py), and
    its secret must be read so to be redacted (logline.logged)."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


class RedactingLogger(Logger):
    """gunicorn's logger with no link secret (emalu/logs.py) and no query string in any
    access-log field (the path, the request line, the referrer, headers and environ), whatever
    the log format. Its error log gets the same filter as Django's ("Error handling request
    <uri>") and writes the same JSON lines."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(RedactTokens())
        self.error_log.addFilter(RefusedRequestText())
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms = {k: logged(as_read(v)) if isinstance(v, str) else v for k, v in atoms.items()}
        atoms["r"] = f"{atoms['m']} {atoms['U']} {atoms['H']}"  # RAW_URI held the query string
        atoms["q"] = "-"
        return atoms


logger_class = RedactingLogger


gunicorns_page = util.write_error
# What gunicorn read of the request it parsed last in this thread (the worker refuses a request
# in the thread that parsed it): the first line, or its first KB, for the language its path
# names. A request line gunicorn refuses never reaches the Request's `path`.
HEAD = 1024
_parsed = threading.local()
# gunicorn's own methods, kept once: a reload (HUP) reads this file again.
GUNICORNS = vars(message.Request).get("gunicorns") or (
    message.Request.__init__,
    message.Request.read_into,
)


def request_init(self, *args, **kwargs):
    self.emalu_head = b""
    try:
        GUNICORNS[0](self, *args, **kwargs)
    finally:
        _parsed.head = self.emalu_head


def read_into(self, unreader, buf, stop=False):
    GUNICORNS[1](self, unreader, buf, stop)
    if len(self.emalu_head) < HEAD and b"\n" not in self.emalu_head:
        self.emalu_head = bytes(buf[:HEAD])


message.Request.__init__, message.Request.read_into = request_init, read_into
message.Request.gunicorns = GUNICORNS


def path_language(head: bytes) -> str | None:
    """The site's language the request line in `head` names by its path (/kk/..., /ru/...), as
    LocaleMiddleware reads it; None for a path that names none (/, /healthz) or no line."""
    from django.utils.translation import get_language_from_path

    parts = head.lstrip(b"\r\n").split(b"\r\n", 1)[0].split(b" ", 2)
    if len(parts) < 2:
        return None
    try:
        path = urlsplit(parts[1].decode("latin-1")).path
    except ValueError:  # an absolute-form target with a malformed host
        return None
    return get_language_from_path(path)


@cache
def _site_headers() -> str:
    """The headers every page of the site carries (compliance T2: emalu/settings.py, what
    SecurityMiddleware, XFrameOptionsMiddleware, the CSP middleware and HeadersMiddleware
    send), for gunicorn's page: it is the site's page, framed by no one, over HTTPS only."""
    from django.conf import settings
    from django.utils.csp import build_policy

    hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
    hsts += "; includeSubDomains" * settings.SECURE_HSTS_INCLUDE_SUBDOMAINS
    hsts += "; preload" * settings.SECURE_HSTS_PRELOAD
    headers = {
        "Content-Security-Policy": build_policy(settings.SECURE_CSP),
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "Strict-Transport-Security": hsts if settings.SECURE_HSTS_SECONDS else None,
        "Referrer-Policy": settings.LINK_REFERRER_POLICY,  # at whatever address it answers
        "Cross-Origin-Opener-Policy": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
        "Cross-Origin-Resource-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
    }
    return "".join(f"{name}: {value}\r\n" for name, value in headers.items() if value)


@cache
def _site_page(failed: bool, language: str | None) -> bytes:
    # In a worker, which has loaded the site (emalu.wsgi), so Django and its catalogues are set.
    from consent.common.errors import MESSAGES, NOT_READ, every_language_page

    return every_language_page(MESSAGES[500] if failed else NOT_READ, only=language).encode()


def write_error(sock, status_int, reason, mesg):
    """What gunicorn answers by itself, the site's page in the language of the request's path,
    or in every language for a path that names none: a request nginx passed on that gunicorn
    refuses before the site sees it (HTTP forbids it: an address with letters not
    percent-encoded, a header with a control character, two Content-Type headers, over 100
    headers, a method of under 3 or over 20 letters) got gunicorn's English «Bad Request» and
    its reason, which nginx shows as it is (it shows its own pages only for what it refuses).
    gunicorn has no setting for the page; its workers call util.write_error for every one, its
    status and log line unchanged. Its own page should the site's not render."""
    try:
        language = path_language(getattr(_parsed, "head", b""))
        body = _site_page(status_int >= 500 and status_int != 501, language)
        headers = _site_headers()
    except Exception:
        return gunicorns_page(sock, status_int, reason, mesg)
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
            f"{headers}Content-Length: {len(body)}\r\n\r\n")  # fmt: skip
    util.write_nonblock(sock, head.encode("latin-1") + body)


util.write_error = write_error
