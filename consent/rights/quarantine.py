"""Emails set aside by the intake (compliance L7): a message that could not become a request is
kept, encrypted, for the privacy officers, who are told at once (in a burst, by one summary an
hour: alerts.tell_set_aside) and can open the request by hand with its deadline counted from
when the mail reached us (tickets.py::ticket_open_from_quarantine). Retention destroys the copy
after QUARANTINE_KEPT (retention.py)."""

import hashlib
import logging
from datetime import datetime

from django.db import transaction

from consent.common.dates import received_time
from consent.core.photos import fernet

from .alerts import tell_set_aside
from .models import QUIET_REASONS, QuarantinedMessage, Ticket
from .set_aside import senders_note

logger = logging.getLogger(__name__)

# The most of one message kept (and read: intake.py parses nothing larger). Mail servers refuse
# larger messages by default; over IMAP the mailbox keeps the original as well.
MAX_BYTES = 25 * 1024 * 1024


class SetAside(Exception):
    """The message cannot become a request, for `reason` (a QuarantinedMessage.Reason)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def fingerprint(key: str) -> str:
    """The stored form of a letter's key (keys.letter_key; of keys.message_key for an entry set
    aside before letter keys): a hash, as a Message-ID may name its sender."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def quarantine_record(
    raw: bytes,
    *,
    reason: str,
    key: str,
    received_at: datetime | None = None,
    request: Ticket | None = None,
) -> QuarantinedMessage | None:
    """Set one message aside, received at `received_at` (when it reached our mailbox; now by
    default; `request`, the request a returned mail of ours was about), and tell the officers
    (not of an automated one, nor of one that asks nothing: an auto-reply to our notice would
    make another notice, and so on), at once or in the window's summary (alerts.tell_set_aside:
    a flood of letters makes one notice an hour); None when it was set aside before.

    Its own transaction holds only ciphertext, hashes (the letter's, and the keyed digests of the
    addresses it came from: set_aside.py), a size and a code, so it cannot fail on what the
    message contains: only a database that is down stops it, and then the caller
    leaves the message to be read again."""
    kept = raw[:MAX_BYTES]
    with transaction.atomic():
        entry, created = QuarantinedMessage.objects.get_or_create(
            message_key=fingerprint(key),
            defaults={"reason": reason, "size": len(raw), "truncated": len(kept) < len(raw),
                      "content": fernet().encrypt(kept),
                      "received_at": received_time(received_at), "request": request},
        )  # fmt: skip
        if created:  # whose letter it is, for their destruction (set_aside.py)
            senders_note(entry, kept)
        if created and reason not in QUIET_REASONS:
            tell_set_aside()
    if not created:
        return None
    logger.warning("request message set aside as %s: %s", entry.reference, reason)
    return entry


def quarantine_read(entry: QuarantinedMessage) -> bytes:
    """The message as received (or its first MAX_BYTES); InvalidToken when no configured key
    opens it. Release it to staff through disclosure.quarantined_eml, which audits."""
    return fernet().decrypt(bytes(entry.content))
