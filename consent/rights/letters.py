"""An email as the intake reads it (intake.py): its sender, subject line and the text the person
wrote, or the reason it is set aside (quarantine.py) when that cannot be read faithfully, or when
a machine wrote it."""

import email
import hashlib
import re
from dataclasses import dataclass
from email import errors, policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from consent.common.text import clean_text

from .models import QuarantinedMessage, Ticket
from .quarantine import MAX_BYTES, SetAside
from .reading import html_text

Reason = QuarantinedMessage.Reason

BROKEN_STRUCTURE = (
    errors.NoBoundaryInMultipartDefect,
    errors.StartBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
)
# Base64 that lost characters or bytes: the decoded text is not what was written.
BROKEN_TRANSFER = (errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect)
ASCII = {"us-ascii", "ascii", "ansi_x3.4-1968"}
# What machines write (RFC 3834, RFC 3464, RFC 2919 and the older headers still in use): an
# auto-reply, a delivery report, a mailing list. None of it asks for anything, and an answer to
# it goes back to a machine that may answer again.
AUTOMATED_HEADERS = ("x-autoreply", "x-autorespond", "list-id")
BULK = {"bulk", "junk", "list", "auto_reply"}
MAIL_SYSTEMS = {"mailer-daemon", "postmaster"}
MESSAGE_ID_MAX = Ticket._meta.get_field("message_id").max_length
EMAIL_MAX = Ticket._meta.get_field("email").max_length


def operator_addresses():
    found = {settings.OPERATOR.get("email", ""), parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
             parseaddr(settings.SERVER_EMAIL)[1]}  # fmt: skip
    return tuple(address.casefold() for address in found if address)


@dataclass(frozen=True)
class Letter:
    """What a request takes from a message, every text cleaned to be storable."""

    sender: str
    subject_line: str
    text: str  # the subject line, a blank line and the body: what the person wrote
    body: str = ""  # the body as read: plain text (an HTML-only body without its markup)
    # A message forwarded as an attachment: (its subject line, its body as read, its sender's
    # address); only read for a phrase, never stored.
    attached: tuple[tuple[str, str, str], ...] = ()


def message_key(raw: bytes) -> str:
    """The message's identity, stored as the request's `message_id`: its Message-ID as written
    when that is short printable ASCII, otherwise a SHA-256 of the Message-ID's exact bytes, or
    of the whole message when it has none. Never raises: every message has a key."""
    match = re.search(rb"^message-id:(.*(?:\r?\n[ \t].*)*)", _head(raw), re.I | re.M)
    value = re.sub(rb"\s+", b"", match.group(1)) if match else b""
    if not value:
        return "sha256:" + hashlib.sha256(raw).hexdigest()
    if len(value) <= MESSAGE_ID_MAX and re.fullmatch(rb"[\x21-\x7e]+", value):
        return value.decode("ascii")
    return "sha256:" + hashlib.sha256(value).hexdigest()


def _head(raw):
    """The header block: up to the first empty line."""
    return re.split(rb"\r?\n\r?\n", raw[:MAX_BYTES], maxsplit=1)[0]


def read_letter(raw: bytes) -> Letter:
    """The sender, subject line and text of a message; SetAside(reason) when they cannot be read
    faithfully. Never anything else: an error of the email package means "unreadable"."""
    if len(raw) > MAX_BYTES:  # not parsed at all; its first MAX_BYTES are set aside
        raise SetAside(Reason.TOO_LARGE)
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        if _automated(message):
            raise SetAside(Reason.AUTOMATED)
        sender = _sender(message)
        local_part = sender.rpartition("@")[0].casefold()
        if local_part in MAIL_SYSTEMS or sender.casefold() in operator_addresses():
            # A mail system's report, or mail in our own name (our answer come back, or a
            # forgery): answering it would write to ourselves or to a machine, in a loop.
            raise SetAside(Reason.AUTOMATED)
        subject_line = _subject_line(message)
        part, body = _body(message)
        text = f"{subject_line}\n\n{body}".strip()
        if len(text) > Ticket.MESSAGE_MAX_LENGTH:
            # Cut, it would no longer be what the person wrote. Before its HTML is read: that
            # takes seconds a megabyte, for a message set aside anyway.
            raise SetAside(Reason.TOO_LONG)
        readable = _readable(part, body)
    except SetAside:
        raise
    except Exception as error:  # the email package failed on it: set aside, never lost
        raise SetAside(Reason.UNREADABLE) from error
    return Letter(sender=sender, subject_line=subject_line, text=text, body=readable,
                  attached=_attached(message))  # fmt: skip


def _automated(message):
    """Whether a machine wrote the message rather than a person (see AUTOMATED_HEADERS)."""
    submitted = str(message.get("Auto-Submitted") or "").strip().casefold()
    if submitted and not submitted.startswith("no"):
        return True
    if str(message.get("Precedence") or "").strip().casefold() in BULK:
        return True
    if message.get_content_type() == "multipart/report":
        return True
    return any(message.get(name) is not None for name in AUTOMATED_HEADERS)


def _sender(message):
    """The one address in the one From header, valid as written: an address with a control
    character or two addresses is not quietly mended into someone's address."""
    values = [value for name, value in message.raw_items() if name.lower() == "from"]
    addresses = [address for _name, address in getaddresses(values) if address]
    if len(values) != 1 or len(addresses) != 1 or len(addresses[0]) > EMAIL_MAX:
        raise SetAside(Reason.NO_SENDER)
    try:
        # Raw UTF-8 (RFC 6532) comes as escaped bytes: «asel@мысал.kz» would reach the database
        # as lone surrogates, which it refuses.
        address = addresses[0].encode("utf-8", "surrogateescape").decode("utf-8")
        validate_email(address)
    except (UnicodeError, ValidationError):
        raise SetAside(Reason.NO_SENDER) from None
    return address


def _subject_line(message):
    # policy.default decodes RFC 2047 words and raw UTF-8 (RFC 6532); bytes it could not read
    # come back as U+FFFD or lone surrogates, and the type would be guessed from a garbled line.
    line = str(message.get("Subject") or "")
    if "\ufffd" in line or re.search(r"[\ud800-\udfff]", line):
        raise SetAside(Reason.UNDECODABLE)
    return clean_text(line, multiline=False)


def _body(message: EmailMessage) -> tuple[EmailMessage | None, str]:
    """(the part that holds the text, its text as stored): the plain part, else the HTML part
    with its markup kept; (None, "") with no text at all (only attachments: the subject line is
    the request)."""
    if any(isinstance(d, BROKEN_STRUCTURE) for part in message.walk() for d in part.defects):
        raise SetAside(Reason.UNREADABLE)
    part = message.get_body(preferencelist=("plain", "html"))
    return part, _decoded(part) if part is not None else ""


def _readable(part: EmailMessage | None, text: str) -> str:
    """The body as read: an HTML part's text without its markup (the stored text keeps it)."""
    if part is not None and part.get_content_subtype() == "html":
        return html_text(text)
    return text


def _decoded(part):
    payload = part.get_payload(decode=True) or b""  # transfer encoding undone
    if any(isinstance(d, BROKEN_TRANSFER) for d in part.defects):
        raise SetAside(Reason.UNDECODABLE)
    charset = (part.get_content_charset() or "").lower()
    # Undeclared 8-bit text is UTF-8 in practice; US-ASCII is a subset of it.
    try:
        text = payload.decode("utf-8" if not charset or charset in ASCII else charset)
    except (LookupError, UnicodeDecodeError):  # an unknown charset, or bytes not in it
        raise SetAside(Reason.UNDECODABLE) from None
    return clean_text(text)


def _attached(message):
    """The first message forwarded as an attachment: its subject line, body as read and sender.
    Only a hint for the type, so what cannot be read in it is left out, not set aside."""
    for part in message.walk():
        if part.get_content_type() != "message/rfc822":
            continue
        try:
            inner = part.get_payload()[0]
            subject_line = _subject_line(inner)
            body_part, text = _body(inner)
            if len(text) > Ticket.MESSAGE_MAX_LENGTH:  # only a hint: not worth reading its HTML
                return ()
            readable = _readable(body_part, text)
            sender = parseaddr(str(inner.get("From") or ""))[1]
        except Exception:  # unreadable inside: the outer message still counts
            return ()
        return ((subject_line, readable, sender),)
    return ()
