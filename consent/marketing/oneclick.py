"""Whether a post to an unsubscribe link is a mail client's one-click (RFC 8058): its body
carries «List-Unsubscribe=One-Click». Read from the body as it came, in any media type: RFC
8058 asks for a form (urlencoded or multipart), but mail clients and providers' servers send it
as text/plain, with a charset, with no Content-Type, or as JSON. Django reads the fields of the
two form types alone (of an urlencoded one, only in UTF-8), so the others were taken for the
button on the site's page and answered with a redirect, which section 3.2 forbids."""

import json
import re
from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError

FIELD, VALUE = b"list-unsubscribe", b"one-click"
# The body is the one field, 26 bytes; a client may add a few of its own. Nothing longer is read
# for it: a post over this is the page's button (which sends a CSRF token and no more) or no one's.
MOST = 8 * 1024
# Between fields: «&» (a form), a line break (text/plain, as a browser posts a form so encoded).
BETWEEN = re.compile(rb"[&\r\n]")


def one_click(request) -> bool:
    """Whether the post carries List-Unsubscribe=One-Click, in whatever body it came (field name
    and value in any letter case, around spaces); never raises for what a client sent."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    if not 0 < length <= MOST:
        return False
    try:
        if request.content_type == "multipart/form-data":
            return any(
                _said(name.encode(), value.encode())
                for name, values in request.POST.lists()
                for value in values
            )
        body = request.body
    except (MultiPartParserError, SuspiciousOperation, BadRequest, OSError, UnicodeError):
        return False
    return any(_said(*_pair(field)) for field in BETWEEN.split(body)) or _json_says(body)


def _pair(field: bytes) -> tuple[bytes, bytes]:
    name, _eq, value = field.partition(b"=")
    return tuple(unquote_to_bytes(part.replace(b"+", b" ")) for part in (name, value))


def _said(name: bytes, value: bytes) -> bool:
    return name.strip().lower() == FIELD and value.strip().lower() == VALUE


def _json_says(body: bytes) -> bool:
    """{"List-Unsubscribe": "One-Click"}, as some clients post it."""
    if not body.lstrip().startswith(b"{"):
        return False
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and any(
        isinstance(value, str) and _said(str(name).encode(), value.encode())
        for name, value in data.items()
    )
