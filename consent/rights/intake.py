"""Requests by email: a message that names a request type, in Kazakh or Russian, in its subject
line or in the first lines the person wrote, opens a typed request, answered in the language it
is written in (compliance L7). The phrases are the rows of `IntakePhrase`, matched by phrases.py.

A message that cannot become a request (no sender to answer, text in a broken encoding, a
structure the email package cannot read, a database that refuses it) is never dropped and never
stops the intake: it is set aside whole in the quarantine for the privacy officers
(quarantine.py; compliance L7), and the next message is read.
"""

import email
import hashlib
import logging
import re
from dataclasses import dataclass
from email import errors, policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q

from consent.common.text import clean_text
from consent.core import routes

from . import phrases
from .models import IntakePhrase, QuarantinedMessage, Ticket
from .quarantine import MAX_BYTES, SetAside, fingerprint, quarantine_record
from .reading import Reading, html_text, read_own
from .tickets import ticket_open

logger = logging.getLogger(__name__)
Type = Ticket.Type
Reason = QuarantinedMessage.Reason

REPLY_PREFIX = re.compile(
    r"^\s*(re|fw|fwd|aw|ответ|отв|пересл|переслано|жауап)\s*(\[\d+\])?\s*:\s*", re.IGNORECASE
)
# Only the first lines the person wrote are read for a phrase: further down, a letter mentions
# things («рассылка») without asking for them. A line can be a whole letter, hence the cut.
FIRST_LINES = 8
FIRST_CHARACTERS = 2000
# What is not the person's own text. A quoted line; the line that introduces a quote («On ...
# wrote:», «... пишет:», «... жазды:», Mail.ru's «... от Name <address>:»); a signature and what
# follows it; and a forwarded or original message, introduced by a marker line or by a block of
# header lines (From/Sent/To/Subject in the mail program's language).
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
# A request's number as our mails write it (Ticket.reference), the R also as the Cyrillic
# letter that looks the same.
REFERENCE = re.compile(r"(?<!\w)[RР]-(\d{1,9})(?!\d)")
MESSAGE_ID_MAX = Ticket._meta.get_field("message_id").max_length
EMAIL_MAX = Ticket._meta.get_field("email").max_length


def _without_prefixes(line):
    text = (line or "").strip()
    while REPLY_PREFIX.match(text):
        text = REPLY_PREFIX.sub("", text, count=1)
    return text


def active_phrases() -> list[phrases.Phrase]:
    """The phrases in use: every policy version's own (the one phrase table the policy and
    the marketing mails read, consent/core/routes.py), then the table staff keep
    (`IntakePhrase`)."""
    rows = IntakePhrase.objects.filter(active=True).values_list(
        "phrase", "type", "language", "purpose"
    )
    policy = [(text, kind, language, "") for text, kind, language in routes.every_phrase()]
    found, seen = [], set()
    for text, kind, language, purpose in [*policy, *rows]:
        key = phrases.key_words(text)
        # A phrase of function words only matches nothing (the admin refuses it).
        if key and (key, kind, purpose) not in seen:
            seen.add((key, kind, purpose))
            found.append(phrases.Phrase(key, kind, language, purpose))
    return found


def _operator_addresses():
    found = {settings.OPERATOR.get("email", ""), parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
             parseaddr(settings.SERVER_EMAIL)[1]}  # fmt: skip
    return tuple(address.casefold() for address in found if address)


class Recognised(NamedTuple):
    kind: str
    language: str
    purpose: str = ""  # for a withdrawal: the one purpose its phrase names, "" for all
    # The letter also asks to stop news and offers, beside the request of `kind`.
    unsubscribe: bool = False


def classify(
    subject_line: str | None, body: str = "", *, attached: tuple[tuple[str, str, str], ...] = ()
) -> tuple[str, str]:
    """(ticket type, language) of a message: see recognise()."""
    recognised = recognise(subject_line, body, attached=attached)
    return recognised.kind, recognised.language


def recognise(
    subject_line: str | None,
    body: str = "",
    *,
    attached: tuple[tuple[str, str, str], ...] = (),
    phrases_in_use: list[phrases.Phrase] | None = None,
) -> Recognised:
    """(ticket type, language, purpose) of a message: the type its subject line names, else
    the type the first lines the person wrote name (quotes, signatures and forwarded heads left
    out), else what a message they forwarded without a word names; "other" when none does. The
    language is that of what the person wrote (phrases.language_of)."""
    table = active_phrases() if phrases_in_use is None else phrases_in_use
    operator = _operator_addresses()
    reading = read_own(body or "", operator=operator)
    if not any(line.strip() for line in reading.own) and reading.forwarded is None and attached:
        # Forwarded as an attachment (message/rfc822), with nothing written around it.
        subject, inner, sender = attached[0]
        if sender.casefold() not in operator:
            reading = Reading([], forwarded_subject=subject, forwarded=read_own(inner), rest=inner)
    candidates = [_without_prefixes(subject_line), _first_lines(reading.own)]
    if reading.forwarded is not None:
        candidates += [_without_prefixes(reading.forwarded_subject),
                       _first_lines(reading.forwarded.own)]  # fmt: skip
    found = [match for match in (phrases.find(table, text) for text in candidates) if match]
    kinds = {match.phrase.kind for match in found}
    # The subject line names one request and the first lines another: the first alone would
    # drop the other, and an unsubscribe is even closed as it arrives. An unsubscribe beside
    # another request is kept as a flag (it still stops marketing as it arrives, compliance
    # L15) and the other request is opened; two other requests are for staff to read ("other").
    unsubscribe = Type.UNSUBSCRIBE in kinds and len(kinds) > 1
    if unsubscribe:
        kinds.discard(Type.UNSUBSCRIBE)
        found = [match for match in found if match.phrase.kind != Type.UNSUBSCRIBE]
    if len(kinds) > 1:
        found = []
    match = found[0] if found else None
    own_text = "\n".join([_without_prefixes(subject_line), *reading.own])
    if reading.forwarded is not None:
        own_text += "\n".join(["", reading.forwarded_subject, *reading.forwarded.own])
    language = phrases.language_of(
        own_text, fallback_text=reading.rest, phrase_language=match.phrase.language if match else ""
    )
    if match is None:
        return Recognised(Type.OTHER, language, unsubscribe=unsubscribe)
    return Recognised(match.phrase.kind, language, match.phrase.purpose, unsubscribe)


def _first_lines(lines):
    return "\n".join([line for line in lines if line.strip()][:FIRST_LINES])[:FIRST_CHARACTERS]


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
        if local_part in MAIL_SYSTEMS or sender.casefold() in _operator_addresses():
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


def replied_to(letter: Letter) -> Ticket | None:
    """The earlier request the letter quotes by number (in its subject line first, then in its
    text, as a reply to our mail quotes it), among those from the sender's address: a number
    alone links nobody to a request of someone else's. None when it quotes none of them."""
    numbers = [int(n) for n in REFERENCE.findall(f"{letter.subject_line}\n{letter.text}")]
    if not numbers:
        return None
    found = Ticket.objects.filter(pk__in=numbers).filter(
        Q(email__iexact=letter.sender) | Q(subject__email__iexact=letter.sender)
    )
    by_number = {ticket.pk: ticket for ticket in found}
    return next((by_number[n] for n in numbers if n in by_number), None)


def ingest(raw: bytes) -> Ticket | QuarantinedMessage | None:
    """Open a request from one RFC 5322 message (bytes). Returns the request; or the quarantine
    entry the message was set aside in (it could not become a request); or None when the message
    was taken in before, either way. Raises only when the database cannot even record the
    quarantine entry (then the message is to be read again later)."""
    key = message_key(raw)
    if (
        Ticket.objects.filter(message_id=key).exists()
        or QuarantinedMessage.objects.filter(message_key=fingerprint(key)).exists()
    ):
        return None
    try:
        letter = read_letter(raw)
    except SetAside as aside:
        return quarantine_record(raw, reason=aside.reason, key=key)
    ticket_type, language, purpose, unsubscribe = recognise(
        letter.subject_line, letter.body, attached=letter.attached
    )
    try:
        # A savepoint: whatever the insert meets, the connection stays usable for the quarantine.
        with transaction.atomic():
            # The deadline runs from when the mail reached us, not from a Date header the sender
            # wrote.
            return ticket_open(
                kind=ticket_type, email=letter.sender, language=language, purpose=purpose,
                channel=Ticket.Channel.EMAIL, message=letter.text, message_id=key,
                unsubscribe=unsubscribe, regarding=replied_to(letter),
            )  # fmt: skip
    except IntegrityError:
        if Ticket.objects.filter(message_id=key).exists():
            return None  # another fetcher took the same message a moment ago
        error_name = "IntegrityError"
    except Exception as error:  # whatever the database or the outbox refused: set aside
        error_name = type(error).__name__
    # The class only: the error's text may quote the message (an address, a value).
    logger.warning("request message could not be stored (%s)", error_name)
    return quarantine_record(raw, reason=Reason.STORE_FAILED, key=key)
