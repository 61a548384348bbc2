"""Whose letters the emails set aside are (quarantine.py), so that a destruction reaches them.

An entry is kept encrypted with nothing readable beside it, so nothing told a destruction which
of them came from the person: their letters set aside (an auto-reply, a «thank you», a letter
too long to open, our mail to them that came back) stayed up to QUARANTINE_KEPT after their
data was destroyed. Now each entry notes the addresses it came from as keyed digests
(SetAsideSender: From, Sender, Reply-To, Return-Path; of a report that our mail did not arrive
or was marked as spam, the addresses that mail was written to), and a destruction deletes the
entries from the person's addresses in the time they held each (mailed.held_spans, the rule
of whose mail is whose). An entry set aside before the digests were noted is read for them;
so is one noted under a SECRET_KEY this host no longer has (changed without the old key in
SECRET_KEY_FALLBACKS, or the old key dropped from them a year on, as README says): its
digests match no address now, and a destruction would have passed it by."""

import contextlib
import email
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from email import policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy

from consent.common.dates import local_date
from consent.core import gate
from consent.core.keys import key_digest
from consent.core.photos import fernet
from consent.core.subjects import address_lookup_key, normalise_email

from .mailed import held_by_someone, held_spans, held_spans_of, held_then, within_spans
from .models import QuarantinedMessage, SetAsideSender

SALT = "consent.rights.set_aside.sender"
# An email the intake set aside (compliance L7) is kept long enough for the officers to read it
# and open its request (the longest deadline is 15 working days), and no longer: it is personal
# data of someone nobody has identified yet. Retention destroys it then (retention.py).
QUARANTINE_KEPT = timedelta(days=30)
# In place of the day of destruction, of a blocked person's email (held_for_block).
KEPT_BLOCKED = gettext_lazy("kept while processing is blocked")
# Where a letter names who sent it.
SENDER_FIELDS = ("from", "sender", "reply-to", "return-path")
# Where the mail of ours a report returns names whom it was written to.
RECIPIENT_FIELDS = ("to", "cc")
# A delivery status notification's (RFC 3464) and a feedback report's (RFC 5965) recipient.
REPORT_FIELDS = ("final-recipient", "original-recipient", "original-rcpt-to")
RETURNED_TYPES = ("message/rfc822", "message/global", "text/rfc822-headers")
REPORT_TYPES = ("message/delivery-status", "message/feedback-report")
# The email package reads each part in milliseconds: a message with more lines that could start
# a part than PARTS_MAX is read for no part (letters.py sets it aside unread). No person's mail
# comes near.
PARTS_MAX = 1000
# A line that could start a part («--boundary»), after a line break as the email package reads
# one: CR LF, LF, or a CR alone. Counting «\n--» only, a message of CR-only lines passed with
# any number of parts: 660 KB of 20,000 held the intake for a minute and a half, and 25 MB for
# hours, while the letters behind it waited.
PART_START = re.compile(rb"(?:\r\n?|\n)--")


def too_many_parts(raw: bytes) -> bool:
    """Whether `raw` has more lines that could start a part than PARTS_MAX."""
    return len(PART_START.findall(raw)) > PARTS_MAX


def address_digest(address: str, secret: str | None = None) -> str:
    """The keyed digest an address is noted by: of its normalised form, ASCII case aside (as
    the `__address` lookup compares addresses), under SECRET_KEY (`secret`: a fallback)."""
    folded = address_lookup_key(address)
    return salted_hmac(SALT, folded, secret=secret, algorithm="sha256").hexdigest()


def _secrets() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _digests(address: str) -> list[str]:
    """The digests an address was noted by under the key now and the keys before it."""
    return [address_digest(address, secret) for secret in _secrets()]


def _unreadable_digests() -> Q:
    """The entries whose digests this host cannot compare: never noted, or noted under a key
    it has not (neither SECRET_KEY nor one of SECRET_KEY_FALLBACKS)."""
    return Q(senders_noted=False) | ~Q(senders_key__in=[key_digest(s) for s in _secrets()])


def letter_addresses(raw: bytes) -> set[str]:
    """The addresses a message came from (see the module), normalised; never raises: a
    message whose structure cannot be read gives those its header block can be read for."""
    values = []
    # Whatever the parser meets, what was read so far; the parts of a message with more than the
    # intake reads (PARTS_MAX), a flood of them, not at all.
    with contextlib.suppress(Exception):
        values += _values(BytesHeaderParser(policy=policy.compat32).parsebytes(raw), SENDER_FIELDS)
        if too_many_parts(raw):
            raise ValueError("too many parts")
        message = email.message_from_bytes(raw, policy=policy.compat32)
        for part in message.walk():
            kind = part.get_content_type()
            if kind in REPORT_TYPES:
                blocks = part.get_payload()
                for block in blocks if isinstance(blocks, list) else []:
                    values += [v.split(";", 1)[-1] for v in _values(block, REPORT_FIELDS)]
            elif kind in RETURNED_TYPES:
                inner = part.get_payload()
                if isinstance(inner, list) and inner:
                    values += _values(inner[0], RECIPIENT_FIELDS)
                elif isinstance(inner, str):
                    values += _values(email.message_from_string(inner), RECIPIENT_FIELDS)
    found = set()
    for _name, address in getaddresses([str(v) for v in values]):
        text = address.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if "@" in text:
            found.add(normalise_email(text))
    return found - {None}


def _values(message, names):
    """The fields `names` as they came (raw UTF-8 as escaped bytes, as letters._sender reads)."""
    return [value for name, value in message.raw_items() if name.lower() in names]


def senders_note(entry: QuarantinedMessage, raw: bytes) -> None:
    """Note the addresses `raw`, just set aside as `entry`, came from."""
    digests = {address_digest(address) for address in letter_addresses(raw)}
    SetAsideSender.objects.bulk_create(
        [SetAsideSender(entry=entry, digest=digest) for digest in sorted(digests)]
    )
    QuarantinedMessage.objects.filter(pk=entry.pk).update(
        senders_noted=True, senders_key=key_digest(settings.SECRET_KEY)
    )


def senders_renote() -> int:
    """Note anew, under SECRET_KEY, the senders of the entries noted under another key, or
    before the key or the senders were noted: each is read at every destruction until then
    (_read_from).
    Retention runs it each night, so after a key change each entry is read once. How many."""
    current = key_digest(settings.SECRET_KEY)
    stale = QuarantinedMessage.objects.exclude(senders_noted=True, senders_key=current)
    renoted = 0
    for entry in stale.only("pk", "content").iterator():
        try:
            raw = fernet().decrypt(bytes(entry.content))
        except InvalidToken:  # under a key no longer configured: nobody can read it either
            continue
        with transaction.atomic():
            SetAsideSender.objects.filter(entry=entry).delete()
            senders_note(entry, raw)
        renoted += 1
    return renoted


def _from(spans: Iterable[tuple[str, object, object]]) -> Q:
    return within_spans(
        spans, lambda address: Q(senders__digest__in=_digests(address)), "received_at"
    )


def _read_from(spans) -> list[int]:
    """The entries whose digests cannot be compared (_unreadable_digests) that came from
    `spans`, read for the addresses they came from."""
    spans = [(address_lookup_key(a), since, until) for a, since, until in spans]
    found = []
    unnoted = QuarantinedMessage.objects.filter(_unreadable_digests())
    for pk, content, received in unnoted.values_list("pk", "content", "received_at").iterator():
        try:
            raw = fernet().decrypt(bytes(content))
        except InvalidToken:  # under a key no longer configured: nobody can read it either
            continue
        addresses = {address_lookup_key(a) for a in letter_addresses(raw)}
        if any(a in addresses and held_then(since, until, received) for a, since, until in spans):
            found.append(pk)
    return found


def set_aside_of(subject) -> QuerySet[QuarantinedMessage]:
    """The emails set aside that came from the person's addresses while they were theirs (read
    before their corrections and requests are emptied: mailed.held_spans reads them)."""
    return _from_spans(held_spans(subject))


def _from_spans(spans) -> QuerySet[QuarantinedMessage]:
    """The emails set aside that came from `spans` (mailed.held_spans): by their digests, or
    read for their senders where these cannot be compared (_read_from)."""
    mine = QuarantinedMessage.objects.filter(_from(spans)).values("pk")
    return QuarantinedMessage.objects.filter(Q(pk__in=mine) | Q(pk__in=_read_from(spans)))


def set_aside_of_guardian(address: str) -> QuerySet[QuarantinedMessage]:
    """The emails set aside from a parent's or guardian's address: none while a person on
    record holds it, by the rule of whose mail is whose (mailed.mail_to_guardian)."""
    if held_by_someone(address):
        return QuarantinedMessage.objects.none()
    return _from_spans([(address, None, None)])


def held_for_block(at=None, but=None) -> set[int]:
    """The emails set aside from the people whose processing is blocked (at `at`, default now),
    by set_aside_of's rule: a block stops the destruction of their data too (Art. 1(3)), so
    retention keeps these past QUARANTINE_KEPT until it is lifted, and the desk says so. They
    were destroyed a month on all the same, a blocked person's complaint perhaps among them.
    `but`: a person whose own block does not count (their destruction, which they asked)."""
    blocked = gate.blocked_subjects(at=at).exclude(pk=but.pk if but is not None else None)
    # Their spans read together: the entries whose senders must be read (_read_from) were
    # decrypted once for each blocked person, at each look at the desk's list.
    spans = held_spans_of(blocked.order_by("pk"))
    return set(_from_spans(spans).values_list("pk", flat=True)) if spans else set()


def destroyed_on(received_at: datetime, held: bool, written=None) -> date | str:
    """What the desk, the parent's letter and the access answers say of when an email set aside
    that came at `received_at` is destroyed: the local day QUARANTINE_KEPT ends on, or, one
    retention keeps for a block (`held`: in held_for_block), that it is kept while the block
    lasts, in the language active. The answer decided by whether its own person was blocked:
    hers said nothing, and another's of the same letter a day retention does not keep.
    `written`: how the day is written (dates.reader_time on the desk, dates.document_time in a
    letter); without it, the date itself, as the access export's JSON gives every date (its
    PDF writes each by document_time). Each place wrote the day, or the sentence, by its own
    test of which of the two it had."""
    if held:
        return str(KEPT_BLOCKED)
    day = local_date(received_at + QUARANTINE_KEPT)
    return day if written is None else written(day)


def set_aside_destroyed(letters: QuerySet[QuarantinedMessage], but=None) -> list[int]:
    """Of `letters` (set_aside_of's, set_aside_of_guardian's), those a destruction deletes now:
    not one that is also a blocked person's (held_for_block; `but`, the person destroyed, whose
    own block is no bar to what they asked), which retention destroys once the block is lifted.
    Another's destruction of a letter a blocked person wrote with them took it all the same."""
    found = list(letters.values_list("pk", flat=True))
    return sorted(set(found) - held_for_block(but=but)) if found else []
