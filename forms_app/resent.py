"""A public form sent again as it was sent before.

A visitor who presses Back after sending finds the form again with what they typed (the browser
puts it back) under a fresh one-time token, and «Send» stored it a second time: two rows, two
acknowledgements, two notices to staff, for one message. The one-time token stops a double
click and a reload of the post, not this. So the visitor's session remembers a keyed digest of
each form it sent (no personal data in the session), and the same content again, in the same
session, is not stored: the visitor reads that it was received once and need not be sent again.
Anything changed (a word, a box, another photo) is a new form, stored as any other.
"""

import hashlib
import json

from django.utils.crypto import salted_hmac

SESSION_KEY = "forms_sent"
KEEP = 20  # digests a session remembers, the latest ones
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


def sent_before(request, digest: str) -> bool:
    return digest in request.session.get(SESSION_KEY, [])


def remember_sent(request, digest: str) -> None:
    sent = [d for d in request.session.get(SESSION_KEY, []) if d != digest]
    request.session[SESSION_KEY] = [*sent, digest][-KEEP:]
