"""What makes two messages the same letter to the intake (intake.ingest).

A Message-ID names a letter only as far as its writer cares: phone mail programs reuse theirs,
a broken client resends with the one it had, and anyone can copy someone else's into a letter
of their own. Taken alone as the letter's identity, it dropped every letter after the first
that carried it. The same letter read twice is the same message fetched again (the mailbox or
the MTA gave it once more) or delivered twice (through two addresses of the mailbox): each copy
carries what its writer wrote, word for word, and only the fields the servers on its way add
differ (Received, Delivered-To, spam verdicts, ...). So the letter's key is a SHA-256 of what
the writer's side wrote: the originator fields below, unfolded, and the body, line ends
normalised. Two letters with one Message-ID but another sender, date, subject or text are two
letters; a letter sent again («Resent-*», a new act of sending) is another letter too.

What the writer wrote is read with the transfer encodings undone: a server on one of its ways
may write it again in another (Postfix turns 8-bit text into quoted-printable for a relay that
takes only 7 bits, Exchange writes a subject line's encoded words its own way), and the copy so
delivered was taken for another letter, opened a second request, and told the person their
request had come twice.
"""

import email
import hashlib
import re
from email import policy
from email.header import decode_header, make_header

from .letters import FIELD_MAX_CHARS
from .models import Ticket
from .quarantine import MAX_BYTES
from .set_aside import too_many_parts

# RFC 5322 3.6's fields the writer's program writes, and the MIME fields that say how to read
# the body; not the trace fields (3.6.7) nor anything a server adds on the way.
WRITTEN = frozenset(
    b"from sender reply-to to cc subject date message-id in-reply-to references comments "
    b"keywords resent-from resent-sender resent-to resent-cc resent-date resent-message-id "
    b"mime-version content-type content-transfer-encoding content-language".split()
)
# How the text was carried, which a server on the way may change: not what was written.
CARRIED = b"content-transfer-encoding"
FIELD = re.compile(rb"^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.M)
BLANK_LINE = re.compile(rb"\r?\n\r?\n")
# Bumped whenever WRITTEN or the normalising changes: keys of another form never match, and
# seen.seen_before also looks for the form before (`letter_key(raw, carried=True)`).
FORM = b"emalu letter key 3\n"
FORM_CARRIED = b"emalu letter key 2\n"
MESSAGE_ID_MAX = Ticket._meta.get_field("message_id").max_length


def letter_key(raw: bytes, *, carried: bool = False) -> str:
    """The letter's identity, stored as the request's `letter_key` (and, hashed again, as a
    quarantine entry's): see the module. `carried`: the form stored before the transfer
    encodings were undone, the bytes as they came. Never raises: every message has one."""
    head, body = _split(raw)
    fields = sorted(
        (name.lower(), b" ".join(_field(value, carried).split()))
        for name, value in FIELD.findall(head)
        if name.lower() in WRITTEN and (carried or name.lower() != CARRIED)
    )
    digest = hashlib.sha256(FORM_CARRIED if carried else FORM)
    for name, value in fields:
        digest.update(name + b":" + value + b"\n")
    digest.update(b"\n" + (body if carried else _text(raw, body)).replace(b"\r\n", b"\n").rstrip())
    return "sha256:" + digest.hexdigest()


def _field(value, carried):
    """A field's value with its encoded words read (RFC 2047), however a server wrote them
    again; as it came when they cannot be read, or when it is longer than the intake reads."""
    if carried or b"=?" not in value or len(value) > FIELD_MAX_CHARS:
        return value
    try:
        text = str(make_header(decode_header(value.decode("ascii", "surrogateescape"))))
        return text.encode("utf-8", "surrogateescape")
    except Exception:  # a word in no charset, bytes not in its charset: as it came
        return value


def _text(raw, body):
    """The body with each part's transfer encoding undone, each part under its type; the body
    as it came when it is larger or has more parts than the intake reads (letters.py), or its
    structure cannot be read."""
    if len(raw) > MAX_BYTES or too_many_parts(raw):
        return body
    try:
        message = email.message_from_bytes(raw, policy=policy.compat32)
        texts = []
        for part in message.walk():
            if not part.is_multipart():
                content = part.get_payload(decode=True) or b""
                content = content.replace(b"\r\n", b"\n").rstrip()
                texts.append(part.get_content_type().encode() + b"\n" + content)
        return b"\n\n".join(texts)
    except Exception:
        return body


def message_key(raw: bytes) -> str:
    """The message's Message-ID as written when that is short printable ASCII, otherwise a
    SHA-256 of the Message-ID's exact bytes, or of the whole message when it has none: the
    request's `message_id`, and the whole of a letter's identity for the requests stored before
    `letter_key` (seen.seen_before). Never raises."""
    match = re.search(rb"^message-id:(.*(?:\r?\n[ \t].*)*)", _split(raw)[0], re.I | re.M)
    value = re.sub(rb"\s+", b"", match.group(1)) if match else b""
    if not value:
        return whole_message_key(raw)
    if len(value) <= MESSAGE_ID_MAX and re.fullmatch(rb"[\x21-\x7e]+", value):
        return value.decode("ascii")
    return "sha256:" + hashlib.sha256(value).hexdigest()


def whole_message_key(raw: bytes) -> str:
    """message_key() of a message without a Message-ID: the hash of its exact bytes."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def hashed_key(key: str) -> str:
    """The form a message's key keeps once its person is destroyed (erasure.subject_destroy):
    a Message-ID can carry a name or a host. A key that is a hash already (a letter key is
    one) stays as it is."""
    if key.startswith("sha256:"):
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _split(raw):
    """(the header block, the body), at the first empty line within the first MAX_BYTES."""
    found = BLANK_LINE.search(raw, 0, MAX_BYTES)
    return (raw[: found.start()], raw[found.end() :]) if found else (raw[:MAX_BYTES], b"")
