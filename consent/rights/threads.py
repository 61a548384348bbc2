"""Which request a letter belongs to by its thread, not by its words: a reply names the mail it
answers (In-Reply-To, References: RFC 5322 3.6.4), and a delivery report the mail that came
back (its original's headers: RFC 3464). Our mail about a request carries the request's number
in its subject line («Please confirm your request R-12», «Your request R-12»), and the outbox
keeps each mail's Message-ID, random and known only to those the mail passed through: a
Message-ID of ours is how a letter names a request it was never told the number of.

A reply is the request's only from the address that request came from (as replied_to):
a Message-ID alone links nobody to someone else's request. A report of a mail that came back
is the request's whoever sent it: it names our own mail, and changes nothing but what the
officer is shown."""

import re
from email.message import EmailMessage

from django.db.models import Q
from post_office.models import Email

from consent.common.text import clean_form_text
from consent.core.subjects import address_lookup_key, normalise_email
from consent.marketing.returns import failed_originals

from .models import Ticket
from .sentences import REFERENCE

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# The latest Message-IDs of a long thread's References are read: the request is in the last
# mails of it, and a field of thousands of them is no person's.
THREAD_IDS = 50
REPLY_TO_MAX = Ticket._meta.get_field("reply_to").max_length


def thread_ids(message: EmailMessage) -> tuple[str, ...]:
    """The Message-IDs the message answers, nearest first (In-Reply-To, then References from
    the end)."""
    found = []
    for name in ("In-Reply-To", "References"):
        for value in message.get_all(name) or ():
            found += reversed(MESSAGE_ID.findall(str(value)))
    return tuple(dict.fromkeys(found))[:THREAD_IDS]


def reply_to(message: EmailMessage, sender: str) -> str:
    """The addresses the message's Reply-To names beside its sender's, as written: "" when it
    has none or names the sender alone."""
    named = []
    try:
        values = [getattr(value, "addresses", ()) for value in message.get_all("Reply-To") or ()]
    except Exception:  # a field the email package cannot read: shown as nothing, never refused
        return ""
    for addresses in values:
        for address in addresses:
            spelled = str(address.addr_spec or "")
            if spelled and address_lookup_key(spelled) != address_lookup_key(sender):
                named.append(spelled)
    # Raw UTF-8 comes as escaped bytes, and a control character is stored by no database. Shown
    # as it reads (clean_form_text): without the invisible characters, a bidi override among
    # them, which drew «marat@» U+202E «moc.elpmaxe» on the desk as «marat@example.com».
    shown = ", ".join(dict.fromkeys(named)).encode("utf-8", "surrogateescape")
    return clean_form_text(shown.decode("utf-8", "replace"), multiline=False)[:REPLY_TO_MAX]


def thread_request(ids: tuple[str, ...], sender: str) -> Ticket | None:
    """The request of the sender's address that the thread `ids` names: one of our mails about
    it, or a letter of theirs it was opened from; the nearest in the thread. A letter filed
    with a request stands for that request. None when the thread names none."""
    if not ids:
        return None
    ours = dict(Email.objects.filter(message_id__in=ids).values_list("message_id", "subject"))
    theirs = dict(Ticket.objects.filter(message_id__in=ids).values_list("message_id", "pk"))
    numbers = []
    for message_id in ids:
        numbers += [int(n) for n in REFERENCE.findall(ours.get(message_id, ""))]
        numbers += [theirs[message_id]] if message_id in theirs else []
    return senders_request(numbers, sender)


def from_sender(sender: str) -> Q:
    """The requests written from `sender`'s address or of the person whose address it is (the
    requests a letter from it may answer), the address read as stored: an IDN domain in its
    Unicode form, however the From wrote it. One written from it by a person on record who no
    longer holds it (the desk corrected their address) is not: the old mailbox is no longer
    theirs, and whoever holds it now, quoting the number or the thread, had their letter filed
    on that person's request and was told of it as theirs, «Ваше письмо отменяет ваш запрос
    № R-81», for an officer to close. A parent's or guardian's request is filed under the child
    and written from the parent's own address: theirs still."""
    sender = normalise_email(sender)
    written = Q(subject=None) | Q(as_guardian=True) | Q(guardian__isnull=False)
    return Q(written, email__address=sender) | Q(subject__email__address=sender)


def replied_to(letter) -> Ticket | None:
    """The earlier request of the sender's address the letter (letters.Letter) quotes by number
    (subject line first, then text; a filed reply's number stands for its request), else None."""
    numbers = [int(n) for n in REFERENCE.findall(f"{letter.subject_line}\n{letter.text}")]
    return senders_request(numbers, letter.sender)


def senders_request(numbers: list[int], sender: str) -> Ticket | None:
    """The first request of `numbers` (the nearest first) that is `sender`'s (from_sender): a
    number alone links nobody to someone else's request. A reply filed with a request stands
    for that request. None when none of them is."""
    if not numbers:
        return None
    found = {
        ticket.pk: ticket
        for ticket in Ticket.objects.filter(pk__in=set(numbers))
        .filter(from_sender(sender))
        .select_related("regarding")
    }
    ticket = next((found[n] for n in numbers if n in found), None)
    if ticket is not None and ticket.is_filed and ticket.regarding_id:
        return ticket.regarding
    return ticket


def returned_request(message: EmailMessage) -> Ticket | None:
    """The request a delivery report says our mail about did not reach the person: the report
    says it failed (not delayed), and names a mail of ours whose subject line names the
    request. None for any other report."""
    ids = failed_originals(message)
    if not ids:
        return None
    subjects = Email.objects.filter(message_id__in=ids).values_list("subject", flat=True)
    numbers = [int(n) for subject in subjects for n in REFERENCE.findall(subject)]
    return Ticket.objects.filter(pk__in=numbers).order_by("-pk").first()


def known_language(regarding: Ticket | None, sender: str) -> str:
    """The language the sender is known to write to us in: that of the request their letter
    answers, else that of their last letter (a request from their address); "" when there is
    none. «Ок», «Иә», «Жарайды» typed without Kazakh letters say too little to tell their own
    (language.language_of)."""
    if regarding is not None:
        return regarding.language
    latest = (
        Ticket.objects.filter(from_sender(sender))
        .order_by("-received_at", "-pk")
        .values_list("language", flat=True)
        .first()
    )
    return latest or ""
