"""An email as the intake reads it (intake.py): its sender, subject line and the text the person
wrote, or the reason it is set aside (quarantine.py) when that cannot be read faithfully, or when
a machine wrote it (machines.py)."""

import email
import re
from dataclasses import dataclass
from email import errors, policy
from email.message import EmailMessage
from email.utils import getaddresses

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from consent.common.text import as_written, clean_text
from consent.core.subjects import clean_email, normalise_email

from .charsets import ENCODED_WORD_CHARSET, META_CHARSET, codec, respelled_words
from .embedded import unembedded
from .machines import machine_sender, machine_written
from .models import QuarantinedMessage, Ticket
from .quarantine import MAX_BYTES, SetAside
from .reading import html_text, read_own
from .set_aside import too_many_parts
from .threads import reply_to, thread_ids

Reason = QuarantinedMessage.Reason

BROKEN_STRUCTURE = (
    errors.NoBoundaryInMultipartDefect,
    errors.StartBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
)
# Base64 that lost characters or bytes: the decoded text is not what was written.
BROKEN_TRANSFER = (errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect)
# The email package reads a field of encoded words or RFC 2231 sections in time growing with the
# square of its length (a Subject of 15,000 encoded words: 1.5 s; of 2 MB: hours), and each part
# in milliseconds (set_aside.too_many_parts): a message with a longer field, longer fields
# together, or more parts, is set aside unread. No person's mail comes near (a Cc of 500 people
# with Cyrillic names: 32,000 characters).
FIELD_MAX_CHARS = 64 * 1024
FIELDS_MAX_CHARS = 256 * 1024
# A whole message wrapped in a signature or encryption the intake cannot open (S/MIME's opaque
# signed or enveloped data, PGP/MIME): its text is inside, and read as nothing it opened "other"
# with no text at all. The officers' mail program opens it.
WRAPPED = {"application/pkcs7-mime", "application/x-pkcs7-mime", "multipart/encrypted"}
EMAIL_MAX = Ticket._meta.get_field("email").max_length
# Where a long thread's text is cut (_cut_below_own_words), as the desk shows it.
CUT = "\n[…]"
COMMENT = re.compile(r"\([^()]*\)")
ANGLED = re.compile(r"<([^<>]*)>")
# An address written outside angle brackets; it begins only where a token does (the
# lookbehind), so a long field is read once, not from each of its letters.
_DELIMITERS = r"\s<>\"',;()"
BARE_ADDRESS = re.compile(rf"(?<![^{_DELIMITERS}])[^{_DELIMITERS}]+@[^{_DELIMITERS}]+")


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
    files: int = 0  # the files the message carried: none is kept (the person is told so)
    reply_to: str = ""  # another address its Reply-To names: shown, never whose request it is
    thread: tuple[str, ...] = ()  # the Message-IDs it answers (threads.thread_ids)


def read_letter(raw: bytes) -> Letter:
    """The sender, subject line and text of a message; SetAside(reason) when they cannot be read
    faithfully. Never anything else: an error of the email package means "unreadable"."""
    if len(raw) > MAX_BYTES:  # not parsed at all; its first MAX_BYTES are set aside
        raise SetAside(Reason.TOO_LARGE)
    if too_many_parts(raw):  # every part starts on a line «--boundary»
        raise SetAside(Reason.UNREADABLE)
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        if not _fields_short(message):
            raise SetAside(Reason.UNREADABLE)
        if machine_written(message):
            raise SetAside(Reason.AUTOMATED)
        sender = _sender(message)
        if machine_sender(sender):
            # A mail system's report, or mail in our own name (our answer come back, or a
            # forgery): answering it would write to ourselves or to a machine, in a loop.
            raise SetAside(Reason.AUTOMATED)
        subject_line = _subject_line(message)
        parts, body = _body(message)
        text = f"{subject_line}\n\n{body}".strip()
        readable = _readable(parts)
        if len(text) > Ticket.MESSAGE_MAX_LENGTH:
            text = _cut_below_own_words(text, readable, parts)
        files = _files(message, parts)
    except SetAside:
        raise
    except Exception as error:  # the email package failed on it: set aside, never lost
        raise SetAside(Reason.UNREADABLE) from error
    return Letter(sender=sender, subject_line=subject_line, text=text, body=readable,
                  attached=_attached(message), files=files, reply_to=reply_to(message, sender),
                  thread=thread_ids(message))  # fmt: skip


def _cut_below_own_words(text, readable, parts):
    """The beginning of a text longer than a request holds, marked as cut (CUT), when all the
    person wrote lies in it: a reply written on top of a long thread (a million characters of
    earlier letters quoted under it) is a request in the words above the quote, and the thread
    is the letters it answers. Cut anywhere else, it would no longer be what the person wrote:
    SetAside(TOO_LONG), for the officers to read whole. The person's lines are read only as far
    as the kept text could hold them: read to the end, 25 MB of lines of words, none quoted,
    held the intake for minutes before they were found too long."""
    kept = text[: Ticket.MESSAGE_MAX_LENGTH - len(CUT)]
    if kept.rfind("\n") > len(kept) // 2:  # at a line's end, unless the text is a few long lines
        kept = kept[: kept.rfind("\n")]
    html = any(part.get_content_subtype() == "html" for part, _text in parts)
    shown, at = html_text(kept) if html else kept, 0
    own = [line.strip() for line in read_own(readable, most=len(shown)).own if line.strip()]
    for line in own:
        at = shown.find(line, at)
        if at < 0:
            break
        at += len(line)
    if not own or at < 0:
        raise SetAside(Reason.TOO_LONG)
    return kept + CUT


def _fields_short(message):
    """Every header field within FIELD_MAX_CHARS, all within FIELDS_MAX_CHARS (read raw)."""
    total = 0
    for part in message.walk():
        for _name, value in part.raw_items():
            total += len(value)
            if len(value) > FIELD_MAX_CHARS or total > FIELDS_MAX_CHARS:
                return False
    return True


def _sender(message):
    """The one address in the one From header, valid as written: an address with a control
    character or two addresses is not quietly mended into someone's address. Valid by the one
    rule of an address (core.subjects.clean_email), as a form's: Django's validate_email let a
    domain with a bidi override or isolate through («asel@» U+202E «zk.liam», shown on the desk
    as «asel@mail.kz»), a Cyrillic letter inside a Latin label, an IP address or a dotless host,
    and the request stood on the desk under an address that reads as a customer's."""
    values = [value for name, value in message.raw_items() if name.lower() == "from"]
    addresses = _addresses(values[0]) if len(values) == 1 else []
    if len(addresses) != 1 or len(addresses[0]) > EMAIL_MAX:
        raise SetAside(Reason.NO_SENDER)
    try:
        # Raw UTF-8 (RFC 6532) comes as escaped bytes: «asel@мысал.kz» would reach the database
        # as lone surrogates, which it refuses.
        address = addresses[0].encode("utf-8", "surrogateescape").decode("utf-8")
        validate_email(address)  # no control character or comment for the rule below to mend
        return clean_email(normalise_email(address) or "")
    except (UnicodeError, ValidationError):
        raise SetAside(Reason.NO_SENDER) from None


def _addresses(value):
    """The addresses of a From field. Mail programs write a display name with a comma or a
    comment without the quotes RFC 5322 asks for («Иванов, Иван <ivan@example.kz>», «ivan@
    example.kz (Иванов, Иван)»), or the address itself as the name («ivan@example.kz
    <ivan@example.kz>»), which reads as a list or as nothing: a field whose comments aside hold
    one address in angle brackets and no other one, or one address alone, is that address."""
    found = [address for _name, address in getaddresses([value]) if address]
    if len(found) == 1:
        return found
    bare = COMMENT.sub(" ", value)
    angled = ANGLED.findall(bare)
    named = {token.casefold() for token in BARE_ADDRESS.findall(ANGLED.sub(" ", bare))}
    if len(angled) == 1 and named <= {angled[0].casefold()}:
        return angled
    if not angled and value.count("@") == 1:
        return [address for _name, address in getaddresses([bare]) if address]
    return found


def _subject_line(message):
    # policy.default decodes RFC 2047 words and raw UTF-8 (RFC 6532); bytes it could not read
    # come back as U+FFFD or lone surrogates, and the type would be guessed from a garbled line.
    # It reads a word in any codec Python has, as it reads no other: the charset is codec()'s.
    raw = " ".join(str(value) for name, value in message.raw_items() if name.lower() == "subject")
    declared = tuple(map(codec, ENCODED_WORD_CHARSET.findall(raw)))
    if None in declared:
        raise SetAside(Reason.UNDECODABLE)
    try:
        line = respelled_words(raw)
    except (UnicodeError, ValueError, errors.HeaderParseError):
        raise SetAside(Reason.UNDECODABLE) from None
    line = as_written(str(message.get("Subject") or "") if line is None else line, declared)
    if "\ufffd" in line or re.search(r"[\ud800-\udfff]", line):
        raise SetAside(Reason.UNDECODABLE)
    return clean_text(line, multiline=False)


def _body(message: EmailMessage) -> tuple[list[tuple[EmailMessage, str]], str]:
    """(the parts that hold the text, each with its text; the text as stored): the person's
    text parts in order, their texts joined (an HTML part with its markup kept); ([], "") with
    no text at all (only attachments: the subject line is the request)."""
    if any(isinstance(d, BROKEN_STRUCTURE) for part in message.walk() for d in part.defects):
        raise SetAside(Reason.UNREADABLE)
    if _signed_content(message).get_content_type() in WRAPPED:
        raise SetAside(Reason.UNREADABLE)
    parts = [(part, _decoded(part)) for part in _text_parts(message)]
    return parts, "\n".join(text for _part, text in parts)


def _text_parts(part: EmailMessage) -> list[EmailMessage]:
    """The parts the person wrote in, in order. Of alternatives, the plain text, unless it is
    blank beside an HTML one (some mail programs send an empty plain part and show the HTML);
    of a multipart/related, its root (the rest is what the root shows: images, styles); of a
    mixed multipart, every text part not attached as a file, for Apple Mail and others write
    «text, a photo, more text» as three parts, and get_body() kept only the first. A text part
    attached as a file, or named like one, is a file (`_files`), never the text."""
    subtype = part.get_content_subtype()
    if part.get_content_maintype() == "multipart":
        children = list(part.iter_parts())
        if subtype == "alternative":
            choices = [found for found in map(_text_parts, children) if found]
            plain = [found for found in choices if _kind(found) == "plain"]
            html = [found for found in choices if _kind(found) == "html"]
            if plain and (not html or not all(_blank(p) for p in plain[0])):
                return plain[0]
            return html[0] if html else (choices[0] if choices else [])
        if subtype == "related":
            return _text_parts(children[0]) if children else []
        return [found for child in children for found in _text_parts(child)]
    if part.get_content_maintype() != "text" or subtype not in ("plain", "html"):
        return []
    return [] if _is_file(part) else [part]


def _signed_content(part: EmailMessage) -> EmailMessage:
    """What a multipart/signed signs (RFC 1847: its first part), else the part itself."""
    if part.get_content_type() == "multipart/signed":
        return next(part.iter_parts(), part)
    return part


def _kind(parts):
    return "html" if any(part.get_content_subtype() == "html" for part in parts) else "plain"


def _blank(part):
    payload = part.get_payload(decode=True) or b""
    charset = codec(part.get_content_charset())
    if charset is None:  # an unknown charset: read as the text, and set aside there
        return False
    return not payload.decode(charset, "replace").strip()


def _is_file(part):
    return part.is_attachment() or part.get_filename() is not None


def _files(message: EmailMessage, text: list[tuple[EmailMessage, str]]) -> int:
    """How many files the message carried: parts attached as files, or shown inline without
    being part of the text (a photo between two paragraphs, a forwarded message), but not what
    an HTML text embeds (a signature's logo). Of alternatives, the one with the most: a mail
    program puts the files in its HTML version only. None is kept."""
    kept = {id(part) for part, _text in text}

    def count(part, embedded=False):
        if part.get_content_type().startswith("message/"):
            return 1
        if part.get_content_type() == "multipart/signed":  # the signature is no file sent
            return count(_signed_content(part), embedded)
        if part.get_content_maintype() == "multipart":
            children = list(part.iter_parts())
            if part.get_content_subtype() == "alternative":
                return max((count(child, embedded) for child in children), default=0)
            if part.get_content_subtype() == "related":
                return sum(count(child, embedded=i > 0 or embedded)
                           for i, child in enumerate(children))  # fmt: skip
            return sum(count(child, embedded) for child in children)
        if id(part) in kept:
            return 0
        if part.is_attachment():
            return 1
        if embedded or part.get("Content-ID"):
            return 0
        return int(part.get_content_maintype() != "text" or _is_file(part))

    return count(message)


def _readable(parts: list[tuple[EmailMessage, str]]) -> str:
    """The body as read: an HTML part's text without its markup (the stored text keeps it)."""
    return "\n".join(
        html_text(text) if part.get_content_subtype() == "html" else text for part, text in parts
    )


def _decoded(part):
    payload = part.get_payload(decode=True) or b""  # transfer encoding undone
    if any(isinstance(d, BROKEN_TRANSFER) for d in part.defects):
        raise SetAside(Reason.UNDECODABLE)
    label = part.get_content_charset()
    if label is None and part.get_content_subtype() == "html":
        found = META_CHARSET.search(payload[:1024])
        label = found and found[1].decode("ascii")
    charset = codec(label)
    try:
        if charset is None:
            raise LookupError
        text = as_written(payload.decode(charset), (charset,))
    except (LookupError, UnicodeDecodeError):  # an unknown charset, or bytes not in it
        raise SetAside(Reason.UNDECODABLE) from None
    if part.get_content_subtype() == "html":  # a picture pasted into it is a file, not kept
        text = unembedded(text)
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
            parts, text = _body(inner)
            if len(text) > Ticket.MESSAGE_MAX_LENGTH:  # only a hint: not worth reading its HTML
                return ()
            readable = _readable(parts)
            sender = next(iter(_addresses(str(inner.get("From") or ""))), "")
        except Exception:  # unreadable inside: the outer message still counts
            return ()
        return ((subject_line, readable, sender),)
    return ()
