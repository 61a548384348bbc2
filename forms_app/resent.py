"""A public form sent again as it was sent before.

A visitor who presses Back after sending finds the form again with what they typed (the browser
puts it back) under a fresh one-time token, and «Send» stored it a second time: two rows, two
acknowledgements, two notices to staff, for one message. The one-time token stops a double
click and a reload of the post, not this. So the visitor's session remembers a keyed digest of
each form it sent (no personal data in the session), and the same content again, in the same
session and within the hour, is not stored: the visitor reads that it was received once and need
not be sent again. Anything changed (a word, a box, another photo) is a new form, stored as any
other; so is the same form sent again later (the next day, its answer still awaited: the
visitor asks again, and the desk should see it).
"""

import hashlib
import json

from django.utils import timezone
from django.utils.crypto import salted_hmac

SESSION_KEY = "forms_sent"
KEEP = 20  # digests a session remembers, the latest ones
WITHIN_SECONDS = 3600  # how long after its sending the same form is the same one sent again
NOT_CONTENT = {"token", "website", "texts_shown"}


def content_digest(kind: str, form, files) -> str:
    """A keyed digest of what the form says: its kind, every cleaned value but the token and
    the honeypot, and the bytes of each attached file."""
    values = {name: value for name, value in form.cleaned_data.items() if name not in NOT_CONTENT}
    for name, upload in files.items():
        content = hashlib.sha256()
        for chunk in upload.chunks():
            content.update(chunk)
        upload.seek(0)
        values[name] = content.hexdigest()
    text = json.dumps([kind, values], sort_keys=True, default=str, ensure_ascii=False)
    return salted_hmac("forms_app.resent", text, algorithm="sha256").hexdigest()


def _recent(request) -> list[list]:
    """[digest, when sent (seconds)] of the forms this session sent within the window; an entry
    of another shape (a session from before the window) is forgotten."""
    now = timezone.now().timestamp()
    return [
        entry
        for entry in request.session.get(SESSION_KEY, [])
        if isinstance(entry, list) and len(entry) == 2 and now - entry[1] < WITHIN_SECONDS
    ]


def sent_before(request, digest: str) -> bool:
    return any(entry[0] == digest for entry in _recent(request))


def remember_sent(request, digest: str) -> None:
    sent = [entry for entry in _recent(request) if entry[0] != digest]
    request.session[SESSION_KEY] = [*sent, [digest, timezone.now().timestamp()]][-KEEP:]
