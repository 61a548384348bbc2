"""The log line itself, in the standard library alone: link secrets redacted, one JSON object a
line, what could be a person's data scrubbed from a traceback (emalu/logs.py says why).

gunicorn's master reads it too (emalu/gunicorn.py) and imports neither Django nor another
module of the site for it: whatever the master imports, the workers a reload (`systemctl reload
emalu`, HUP) forks from it keep, not the release's code on disk. Importing emalu.logs there, and
with it Django and consent.common.net, left the master the previous release's modules: after
a release that changed them, every worker the reload started failed to import the site's URLs
(«cannot import name … from consent.common.net») and every page answered 500 until a restart.
"""

import contextvars
import importlib.util
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote


def _link_secrets():
    """consent/common/link_secrets.py, the one home of the pattern, read from its file under a
    name of its own (as gunicorn.py reads this one): imported, it would leave the master a
    module of the site."""
    path = Path(__file__).resolve().parents[1] / "consent" / "common" / "link_secrets.py"
    spec = importlib.util.spec_from_file_location("_emalu_link_secrets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SECRETS = _link_secrets()
TOKEN_PATH = _SECRETS.LINK_SECRET
redact = _SECRETS.redact


def unwrapped(path: str) -> str:
    """A page's address as it is read: without the spaces and line breaks a mail program put
    into a long link where it wrapped it, nor a «+» standing for such a space (the address
    pasted through a program that wrote it form-encoded, «unsub+scribe»): no address of the site
    holds one (a link's secret is base64url, a slug letters, digits, «-» and «_»). emalu/pasted.py
    opens the page so read; the logs redact it so (`logged`)."""
    return "".join(path.replace("+", " ").split())


def logged(text: str) -> str:
    """`text` as a log may keep it: every link secret redacted, that of a link split by a space,
    a line break or a «+» too, escaped («%20») or not, in its route or in its secret. Where the
    pattern alone leaves any of a secret, the text is written as the site reads the link
    (`unwrapped`), redacted: «/kk/unsub scribe/<secret>/» kept the secret whole, «…/<sec ret>/»
    its second half, and the site opens both (emalu/pasted.py)."""
    plain = redact(text)
    read = unwrapped(unquote(plain))
    if any(found[0] != f"{found[1]}[token]" for found in TOKEN_PATH.finditer(read)):
        return redact(read)
    return plain


class RedactTokens(logging.Filter):
    """A handler filter: the record's message with every link secret replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if (written := logged(message)) != message:
            record.msg, record.args = written, ()
        return True


REQUEST_ID = contextvars.ContextVar("request_id", default="")
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

# Starting only where a word does (the lookbehind): from every character of a long run, the
# search took time growing with the square of its length (an error quoting 20,000: 1 s).
EMAIL = re.compile(r"(?<![^\s@<>()\"',;:])[^\s@<>()\"',;:]+@[^\s@<>()\"',;:]+")
DIGITS = re.compile(r"(?<![\w+])\+?\d[\d\s()-]{5,}\d(?!\w)")
KEY_DETAIL = re.compile(r"=\(.*?\)(?= already exists| is not present| conflicts|\n|$)")


def scrub(text: str) -> str:
    """Text of an error with what could be a person's data replaced: link secrets, email
    addresses, phone-like digit runs, and the values PostgreSQL quotes in a key's detail."""
    text = KEY_DETAIL.sub("=(…)", logged(text))
    return DIGITS.sub("[digits]", EMAIL.sub("[email]", text))


# What gunicorn's error log quotes of a request it refused (its reprs, '…' or "…"), and a query.
QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'" "|" r'"(?:[^"\\]|\\.)*"')
FIELD_NAME = re.compile(r"[A-Z0-9-]{1,64}")  # a header's name, as gunicorn writes it
QUERY = re.compile(r"\?\S*")


def refused_line(message: str) -> str:
    """gunicorn's error line for a request, without what the visitor wrote in it: «Invalid
    request from ip=…: Invalid HTTP request line: '<the line>'» kept the whole line, its query
    (a name, an email address, a phone typed into a form sent by GET) included, as did a header
    name, a transfer coding or an expectation it refused; «Error handling request GET <uri>»
    the query. A header's name, which says which one it refused, stays; so does the reason."""
    if message.startswith("Invalid request from ip="):
        message = QUOTED.sub(lambda m: m[0] if FIELD_NAME.fullmatch(m[0][1:-1]) else "[…]", message)
        cut = min((i for i in (message.find("'"), message.find('"')) if i >= 0), default=-1)
        if cut >= 0 and not FIELD_NAME.fullmatch(message[cut + 1 : -1]):  # a quote left unpaired
            message = message[:cut] + "[…]"
    elif message.startswith("Error handling request"):
        message = QUERY.sub("", message)
    return scrub(message)


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "request_id", "message", ...}: the record's extra fields of
    plain types join it (a request's method, path, status, duration_ms); objects (Django's
    `request`) never do."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", REQUEST_ID.get()),
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in STANDARD and key not in line and isinstance(value, str | int | float):
                line[key] = value
        if record.exc_info:  # the traceback, with what patterns can tell of a person's data
            line["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)
