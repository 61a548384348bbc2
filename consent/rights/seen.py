"""Whether a letter was taken in before (intake.ingest): fetched again, or delivered twice."""

from cryptography.fernet import InvalidToken
from django.db.models import Q

from consent.core.subjects import normalise_email

from .keys import hashed_key, letter_key, message_key, whole_message_key
from .letters import read_letter
from .models import QuarantinedMessage, Ticket
from .quarantine import MAX_BYTES, SetAside, fingerprint, quarantine_read


def seen_before(raw: bytes, key: str) -> bool | None:
    """Whether this letter (its `key`, keys.letter_key) was taken in before: as a request, or
    set aside. Requests and entries stored before letter keys are known by the Message-ID
    alone (keys.message_key; hashed once its person is destroyed), which another letter may
    carry too: such a one is this letter only if it holds what this one says (the same sender
    and text; the same bytes, set aside). None when it cannot be told: a request stored so
    whose person has been destroyed since, its text with them."""
    keys = {key, letter_key(raw, carried=True)}  # and as keyed before (keys.FORM_CARRIED)
    old_key = message_key(raw)
    # Two queries, each table's rows under either key at once, in their tables' own order.
    by_id = Q(letter_key=None, message_id__in={old_key, hashed_key(old_key)})
    earlier = list(Ticket.objects.filter(Q(letter_key__in=keys) | by_id))
    prints = set(map(fingerprint, keys))
    entries = list(
        QuarantinedMessage.objects.filter(message_key__in={*prints, fingerprint(old_key)})
    )
    if any(t.letter_key in keys for t in earlier) or any(e.message_key in prints for e in entries):
        return True
    entry = entries[0] if entries else None  # the latest set aside under the Message-ID's key
    if old_key == whole_message_key(raw):  # no Message-ID: that key was of these very bytes
        return bool(earlier) or entry is not None
    for ticket in earlier:
        if not ticket.email:  # destroyed
            return None
        if _holds(ticket, raw):
            return True
    return entry is not None and _kept_is(entry, raw, key)


def _holds(ticket, raw):
    """Whether the request holds this letter's sender and text, as the intake reads them."""
    try:
        letter = read_letter(raw)
    except SetAside:
        return False
    return normalise_email(letter.sender) == ticket.email and letter.text == ticket.message


def _kept_is(entry, raw, key):
    """Whether the quarantine entry keeps this letter."""
    try:
        kept = quarantine_read(entry)
    except InvalidToken:  # kept under a key no longer configured: read it as another letter
        return False
    return kept == raw[:MAX_BYTES] if entry.truncated else letter_key(kept) == key
