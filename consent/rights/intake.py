"""Requests by email: the policy's subject phrases, in Kazakh and Russian, open typed tickets.

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
from email.utils import getaddresses

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from consent.common.text import clean_text

from .models import QuarantinedMessage, Ticket
from .quarantine import MAX_BYTES, SetAside, fingerprint, quarantine_record
from .tickets import ticket_open

logger = logging.getLogger(__name__)
Type = Ticket.Type
Reason = QuarantinedMessage.Reason

# The privacy policy's own phrases (section 4 and 6), and their Russian versions.
PHRASES = [
    ("Жеке деректерді жаңарту", Type.CORRECT, "kk"),
    ("Обновление персональных данных", Type.CORRECT, "ru"),
    ("Жаңа өнімдер мен қызметтер және арнайы ұсыныстар туралы хабарламалардан бас тарту",
     Type.UNSUBSCRIBE, "kk"),
    ("Отказ от уведомлений о новых продуктах и услугах и специальных предложениях",
     Type.UNSUBSCRIBE, "ru"),
    ("Жеке деректерді өңдеуге келісімді қайтарып алу", Type.WITHDRAW, "kk"),
    ("Отзыв согласия на обработку персональных данных", Type.WITHDRAW, "ru"),
]  # fmt: skip
REPLY_PREFIX = re.compile(
    r"^\s*(re|fw|fwd|aw|ответ|отв|пересл|переслано|жауап)\s*(\[\d+\])?\s*:\s*", re.IGNORECASE
)
NOT_WORDS = re.compile(r"[\"'«»“”„‘’`.,;:!?()\[\]<>]")

# A multipart whose parts cannot be found: what get_body() returns would be missing the text.
BROKEN_STRUCTURE = (
    errors.NoBoundaryInMultipartDefect,
    errors.StartBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
)
# Base64 that lost characters or bytes: the decoded text is not what was written.
BROKEN_TRANSFER = (errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect)
ASCII = {"us-ascii", "ascii", "ansi_x3.4-1968"}
MESSAGE_ID_MAX = Ticket._meta.get_field("message_id").max_length
EMAIL_MAX = Ticket._meta.get_field("email").max_length


def normalise_subject_line(line: str | None) -> str:
    """Lower case, no reply or forward prefixes, no quotes or punctuation, single spaces."""
    text = (line or "").strip()
    while REPLY_PREFIX.match(text):
        text = REPLY_PREFIX.sub("", text, count=1)
    text = NOT_WORDS.sub(" ", text.casefold())
    return " ".join(text.split())


def classify(subject_line: str | None) -> tuple[str, str]:
    """(ticket type, language) for a subject line; unknown lines are "other" in Kazakh."""
    normal = normalise_subject_line(subject_line)
    for phrase, ticket_type, language in PHRASES:
        if normalise_subject_line(phrase) in normal:
            return ticket_type, language
    # Kazakh has letters Russian lacks; Cyrillic without them is most likely Russian.
    if re.search(r"[әғқңөұүһі]", normal) or not re.search(r"[а-яё]", normal):
        return Type.OTHER, "kk"
    return Type.OTHER, "ru"


@dataclass(frozen=True)
class Letter:
    """What a request takes from a message, every text cleaned to be storable."""

    sender: str
    subject_line: str
    text: str  # the subject line, a blank line and the body: what the person wrote


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
        sender = _sender(message)
        subject_line = _subject_line(message)
        body = _body(message)
    except SetAside:
        raise
    except Exception as error:  # the email package failed on it: set aside, never lost
        raise SetAside(Reason.UNREADABLE) from error
    text = f"{subject_line}\n\n{body}".strip()
    if len(text) > Ticket.MESSAGE_MAX_LENGTH:
        raise SetAside(Reason.TOO_LONG)  # cut, it would no longer be what the person wrote
    return Letter(sender=sender, subject_line=subject_line, text=text)


def _sender(message):
    """The one address in the one From header, valid as written: an address with a control
    character or two addresses is not quietly mended into someone's address."""
    values = [value for name, value in message.raw_items() if name.lower() == "from"]
    addresses = [address for _name, address in getaddresses(values) if address]
    if len(values) != 1 or len(addresses) != 1 or len(addresses[0]) > EMAIL_MAX:
        raise SetAside(Reason.NO_SENDER)
    try:
        validate_email(addresses[0])
    except ValidationError:
        raise SetAside(Reason.NO_SENDER) from None
    return addresses[0]


def _subject_line(message):
    # policy.default decodes RFC 2047 words and raw UTF-8 (RFC 6532); bytes it could not read
    # come back as U+FFFD or lone surrogates, and the type would be guessed from a garbled line.
    line = str(message.get("Subject") or "")
    if "\ufffd" in line or re.search(r"[\ud800-\udfff]", line):
        raise SetAside(Reason.UNDECODABLE)
    return clean_text(line, multiline=False)


def _body(message: EmailMessage) -> str:
    if any(isinstance(d, BROKEN_STRUCTURE) for part in message.walk() for d in part.defects):
        raise SetAside(Reason.UNREADABLE)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""  # no text at all (only attachments): the subject line is the request
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
    ticket_type, language = classify(letter.subject_line)
    try:
        # A savepoint: whatever the insert meets, the connection stays usable for the quarantine.
        with transaction.atomic():
            # The deadline runs from when the mail reached us, not from a Date header the sender
            # wrote.
            return ticket_open(
                kind=ticket_type, email=letter.sender, language=language,
                channel=Ticket.Channel.EMAIL, message=letter.text, message_id=key,
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
