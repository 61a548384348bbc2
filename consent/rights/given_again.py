"""A consent given again after a request to withdraw it (compliance L14, L15): the person's
newer choice. A withdrawal or an unsubscribe stops what the person had consented to by their
last word on it (`last_word`: when they confirmed it, or when it reached us while it acts
unconfirmed), never a consent given since (stops.request_stop). Carried out days later on the
desk, it stopped that one too: the ledger recorded a withdrawal nobody asked for, the newer
choice was overridden, and the letter said the consent was withdrawn. Now that consent stands,
nothing it needs is erased or destroyed (withdrawals.withdrawal_keeps,
guardianship.wards_carry_out), and the letter says, in the person's language, that it stands
and how to withdraw it (`stands_told`)."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consent.common.dates import document_time, local_date
from consent.common.net import absolute_url
from consent.core import gate
from consent.core.models import LedgerEntry, Subject
from consent.core.purposes import MARKETING, PURPOSES

from .models import Ticket

STANDS = _(
    "You gave your consent for “%(purpose)s” again on %(date)s, after your request, so the "
    "request does not withdraw it: that consent remains in force, and we process your data "
    "for it. If you want to withdraw it as well, you can do so at any time on the page of "
    "your data; ask for its link at %(url)s."
)
# The news: their letters' own way out first.
STANDS_NEWS = _(
    "You subscribed to our news and offers again on %(date)s, after your request, so the "
    "request does not stop them: that consent remains in force, and the news and offers "
    "still reach you. If you want to stop them as well, press «Unsubscribe in one click» in "
    "any of them, or do so at any time on the page of your data; ask for its link at %(url)s."
)
# A parent's or guardian's, of a child they act for.
STANDS_CHILD = _(
    "The consent for “%(purpose)s” for %(child)s was given again on %(date)s, after your "
    "request, so the request does not withdraw it: that consent remains in force, and we "
    "process the child's data for it. If you want to withdraw it as well, you can do so at "
    "any time on the page of your children's data; ask for its link at %(url)s."
)


def last_word(ticket: Ticket) -> datetime:
    """The person's last word on the request: when they confirmed it, or, until they do, when
    it reached us (an email from an address on record stops as it arrives; one set aside and
    opened later, too), to the end of that second: a mail server dates a letter to the second
    (IMAP's INTERNALDATE), so a consent recorded in the second it came in is taken as given
    before it. What carrying it out stops is what they had consented to by then."""
    if ticket.verified_at is not None:
        return ticket.verified_at
    return ticket.received_at.replace(microsecond=0) + timedelta(seconds=1)


def asked_purposes(ticket: Ticket) -> list[str]:
    """The purposes a request stops: an unsubscribe the news; a withdrawal its purpose, or
    every one."""
    if ticket.type == Ticket.Type.UNSUBSCRIBE:
        return [MARKETING]
    return [ticket.purpose] if ticket.purpose else list(PURPOSES)


def given_again(ticket: Ticket, subject: Subject | None) -> dict[str, LedgerEntry]:
    """Of the purposes `ticket` stops, each whose consent `subject` (the person, or a child a
    parent acts for) gave after the person's last word on it and which stands: {purpose: its
    grant}. The request leaves these in force."""
    if subject is None or subject.pk is None:
        return {}
    latest = gate.latest_events(subject)
    return {
        code: latest[code]
        for code in asked_purposes(ticket)
        if code in latest
        and latest[code].kind == LedgerEntry.Kind.GRANT
        and latest[code].at > last_word(ticket)
        and gate.consent_stands(subject, code)
    }


def stands_told(again: dict[str, LedgerEntry], child: str = "") -> list[str]:
    """What the person is told of each consent given again (`given_again`), in the active
    language: that it stands, since when (the local date) and how to withdraw it; of the child
    named `child` when a parent's request acted for them."""
    url = absolute_url(reverse("my_data"))
    told = []
    for code, grant in again.items():
        named = {"purpose": PURPOSES[code].name, "date": document_time(local_date(grant.at)),
                 "url": url}  # fmt: skip
        if child:
            told.append(str(STANDS_CHILD) % {**named, "child": child})
        else:
            told.append(str(STANDS_NEWS if code == MARKETING else STANDS) % named)
    return told


def others_withdrawn(ticket: Ticket, subject: Subject, again: dict[str, LedgerEntry]) -> bool:
    """Whether the request withdrew a consent of `subject` besides those given again since: the
    letter of a withdrawal of every consent says «your other consents are withdrawn» only then
    (with the news alone in force, then given again, it said so of none)."""
    rows = LedgerEntry.objects.filter(
        subject=subject, kind=LedgerEntry.Kind.WITHDRAW, reason=ticket.reference
    )
    return rows.exclude(purpose__in=list(again)).exists()
