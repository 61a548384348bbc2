"""Letters that join a request already open instead of opening one of their own: a reply that
asks for nothing by name, quoting the request's number (`file_reply`), and the same request
written again while the first is open (`file_repeat`): sent twice by a mail program, or again,
by mail or through the web form, by a person who heard nothing yet. Each is kept as a row of
its own (its text, Message-ID and everything erasure, export and retention do with requests),
`regarding` the open request and closed at once, so the officers read it there and it is never
counted as a request; the
deadline stays the first one's, counted from its receipt. The person is answered once a day at
most (ANSWERED_ONCE_IN): an auto-responder without Auto-Submitted answers each answer."""

import re
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.link_secrets import redact
from consent.core.ledger import subject_lock
from consent.core.mail import LINKS, interpolate
from consent.core.models import Subject
from consent.core.subjects import address_lock

from .alerts import notify_new_ticket
from .closing import ticket_close, ticket_locked, ticket_mail
from .links import link_held_back, link_mail
from .models import Ticket
from .reading import read_own

Type, Status = Ticket.Type, Ticket.Status
ANSWERED_ONCE_IN = timedelta(days=1)
NUMBER = re.compile(r"\d+")
# No stored address is a single space: every one is normalised (core.subjects.normalise_email).
NOBODY = " "


def same_request_open(
    kind: str,
    purpose: str,
    subject: Subject | None,
    email: str,
    message: str = "",
    *,
    locked: bool = False,
):
    """The open request of the same type (and, for a withdrawal, purpose) from the same person
    (from the same address when no one on record holds it), locked; None when there is none.
    "Other" is the same only when its letter says the same words (`same_words`): two
    questions are two requests, but an auto-responder that adds no header naming it a machine
    answers each of our mails with the same letter, and each opened a request and was mailed
    a link, which it answered again: a loop, a request and a mail every run of the intake.

    Asked, and the request made from the answer, one at a time for the person (their row) or,
    when no one on record holds the address, for the address (`address_lock`), until the
    caller's transaction ends: two sent at once (two tabs, the form and the person's page, a
    letter and the form) each found none before the other committed, and both opened one.
    Now the second waits and finds the first. A caller that looks the person up takes the
    address first (`subject_find_for_update`), so that the person is read under it too, and
    says so (`locked`): both are held already, and taking one of them again was one statement
    for a customer's address and another for a stranger's (bench/address_timing.py).

    The request is looked for by one statement whoever asks, its values aside: the person's
    (`subject_id`), or, no one on record, the address's without a person; the branch that does
    not apply is given a value no row holds (no person 0, no address «NOBODY»)."""
    words = same_words(message)
    if kind == Type.OTHER and not words:
        return None
    if not locked and subject is not None:
        subject_lock(subject)
    elif not locked:
        address_lock(email)
    found = Ticket.objects.open().filter(type=kind, purpose=purpose)
    found = found.filter(
        Q(subject_id=subject.pk if subject is not None else 0)
        | Q(subject=None, email__address=NOBODY if subject is not None else email)
    ).order_by("received_at", "id")
    earliest = next((ticket for ticket in found if asks_the_same(ticket, kind, purpose, words)),
                    None)  # fmt: skip
    if earliest is None:
        return None
    earliest = ticket_locked(earliest)  # read again under its lock: an officer may close it
    return earliest if earliest.is_open else None


def asks_the_same(ticket: Ticket, kind: str, purpose: str, words: str) -> bool:
    """Whether `ticket` asks what a request of `kind` and `purpose` whose letter's own words are
    `words` (`same_words`) asks: the same type and purpose, and for «other» the same words."""
    if (ticket.type, ticket.purpose) != (kind, purpose):
        return False
    return kind != Type.OTHER or same_words(ticket.message) == words


def same_words(message: str) -> str:
    """What a letter's writer wrote, as compared for «the same letter again»: its lines but the
    quoted, the quote's head and the signature (reading.read_own), casefolded, spaces as one,
    every number as one (a helpdesk's answer numbers each: «Обращение № 4521 принято», «№ 4522»,
    and dates it); a link's secret as stored (tickets.ticket_create). "" for a letter with none."""
    own = read_own(redact(message or "")).own
    return NUMBER.sub("0", " ".join(" ".join(own).casefold().split()))


def no_due_date(ticket: Ticket) -> str:
    """What a filed request's due date reads, wherever one is shown (the desk, the register):
    it has none of its own, its letter is answered with the request it joined, by that one's."""
    ref = ticket.regarding.reference if ticket.regarding_id else ""
    return _("no deadline of its own: filed with request %(ref)s") % {"ref": ref}


def repeats(ticket: Ticket) -> bool:
    """Whether `ticket`, filed, is the request it was filed with written again (`file_repeat`),
    by `same_request_open`'s rule (the same type and purpose, for «other» the same words), and
    not a reply quoting it (`file_reply`, asked_nothing.py): the desk says which."""
    first = ticket.regarding
    if not ticket.is_filed or first is None:
        return False
    return asks_the_same(first, ticket.type, ticket.purpose, same_words(ticket.message))


def file_reply(ticket: Ticket, files: int = 0) -> None:
    """An emailed reply to an open request of the same address that asks for nothing by name
    (typically "yes, I confirm" written back to the confirmation mail). A reply cannot confirm
    anything, as anyone can write in the person's name: the person is told so at the address on
    record, with a new link for the request when it still waits for them, instead of a second
    link for a request they never meant to make."""
    file_with_open(ticket)
    if _answered_lately(ticket):
        return
    context = {"ticket": ticket, "regarding": ticket.regarding, "files": files}
    _answer(ticket, "request_reply", context)


def file_repeat(ticket: Ticket, files: int = 0) -> None:
    """The same request again, from the same person, while the first is open: the person is
    told it joined that request (with its link again while it waits for them), at the address
    on record, once a day at most and in words that do not say the owner of the address sent
    it (anyone can type an address into the form, or write in someone's name); a sender no one
    on record holds was told at the first letter that no data is held, and is not written to
    again."""
    file_with_open(ticket)
    # A link the mail limit held back is sent by the person's next try, whenever it comes.
    if not ticket.address_on_record or (
        _answered_lately(ticket) and not link_held_back(ticket.regarding)
    ):
        return
    context = {"ticket": ticket, "regarding": ticket.regarding, "files": files}
    _answer(ticket, "request_repeated", context)


def close_replaced(ticket: Ticket) -> None:
    """Close the request an emailed reply changes («Передумала, не доступ, а удалите мои
    данные»: changed.py), `ticket.regarding`, in favour of `ticket`, the request it asks now,
    once `ticket`'s link is pressed (tickets.ticket_verify): closed as the letter arrived, a
    letter anyone wrote in the person's name with their request's number closed what they had
    asked. Only one still waiting for its link, of the same person, of another type; an officer
    reads a change to a confirmed request. The person is mailed `ticket`'s link only."""
    regarding = ticket_locked(ticket.regarding)
    same = ticket.subject_id is not None and regarding.subject_id == ticket.subject_id
    if not (same and regarding.is_waiting and Type.OTHER != ticket.type != regarding.type):
        return
    outcome = interpolate(_("Replaced by request %(ref)s, as the person asked."),
                          {"ref": ticket.reference})  # fmt: skip
    ticket_close(regarding, outcome=outcome, status=Status.CLOSED, notify=False,
                 detail={"replaced_by": ticket.reference})  # fmt: skip


def file_with_open(ticket: Ticket) -> None:
    """Close `ticket` as filed with the open request it is `regarding`; the officers are told
    of a letter, not of a web form sent again. Mails no one else: `file_reply` and
    `file_repeat` answer the person; the self-service page says so to the person who just
    sent it."""
    regarding = ticket.regarding
    outcome = interpolate(_("Added to request %(ref)s."), {"ref": regarding.reference})
    ticket_close(ticket, outcome=outcome, status=Status.FILED, notify=False,
                 detail={"filed_with": regarding.reference})  # fmt: skip
    if ticket.channel == Ticket.Channel.EMAIL:
        # A letter may say something new: the officers read it. The same form sent again says
        # nothing new, and anyone can send it in anyone's name, as often as they like.
        notify_new_ticket(ticket)


def _answered_lately(ticket):
    return (
        Ticket.objects.filter(regarding=ticket.regarding, status=Status.FILED,
                              received_at__gte=timezone.now() - ANSWERED_ONCE_IN)
        .exclude(pk=ticket.pk)
        .exists()
    )  # fmt: skip


def _answer(ticket, template, context):
    regarding = ticket.regarding
    if regarding.is_waiting:
        # The page the link opens in the language of this mail, not of the earlier request; one
        # the limit held back counts in its budget again (tickets.ticket_open).
        budget = LINKS if link_held_back(regarding) else None
        link_mail(regarding, template, context, budget=budget, language=ticket.language)
        return
    # About the earlier request (its number, its child), in the language of this mail.
    ticket_mail(regarding, ticket.address_on_record, template, context, language=ticket.language)
