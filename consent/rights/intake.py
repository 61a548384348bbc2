"""Requests by email: the policy's subject phrases, in Kazakh and Russian, open typed tickets."""

import email
import hashlib
import logging
import re
from email import policy
from email.utils import parseaddr

from django.db import IntegrityError

from .models import Ticket

logger = logging.getLogger(__name__)
Type = Ticket.Type

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


def _body(message):
    part = message.get_body(preferencelist=("plain", "html")) if message.is_multipart() else message
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, ValueError, AttributeError):
        return (part.get_payload(decode=True) or b"").decode("utf-8", "replace")


def ingest(raw: bytes) -> Ticket | None:
    """Open a request from one RFC 5322 message (bytes). Returns the ticket, or None when the
    message was seen before or has no sender to answer; never raises for a malformed message."""
    from .tickets import ticket_open

    message_id = None
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        message_id = (message.get("Message-ID") or "").strip()[:300] or None
        sender = parseaddr(str(message.get("From", "")))[1]
        subject_line = str(message.get("Subject", ""))
        body = _body(message)
    except Exception:  # a message we cannot even parse is reported, never lost silently
        logger.exception("unreadable request message")
        sender, subject_line, body = "", "", ""
    message_id = message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    if Ticket.objects.filter(message_id=message_id).exists():
        return None
    if "@" not in sender:
        logger.warning("request message without a sender: %s", message_id)
        return None
    ticket_type, language = classify(subject_line)
    # The deadline runs from when the mail reached us, not from a Date header the sender wrote.
    try:
        return ticket_open(
            kind=ticket_type, email=sender, language=language, channel=Ticket.Channel.EMAIL,
            message=f"{subject_line}\n\n{body}".strip(), message_id=message_id,
        )  # fmt: skip
    except IntegrityError:  # another fetcher took the same message a moment ago
        return None
