"""What retention keeps of people on no record (compliance L5): someone who wrote a request from
an address no one on record holds, or asked for the news and never confirmed the link.

Their words, address and our mail to them serve one purpose, their request (or the link), and
the policy (section 4, «По достижении цели или по истечении срока персональные данные
уничтожаются»; Art. 12(2), 25(2)(4)) destroys data once its purpose is achieved. A request's is
achieved once it is closed; it is kept SERVICE_ACHIEVED_GRACE_DAYS after, as an answered inquiry
is (a reply may reopen it), and then keeps what a destroyed person's request keeps
(forgetting.requests_forget), and the mail to its address goes. A newsletter link mailed to an
address no one confirmed goes once the link can no longer be used. Rules, not tombstones: a
restored backup is forgotten again by the next night's run."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from post_office.models import Email

from consent.core.files import file_delete
from consent.core.guardians import guardians_at
from consent.core.mail import CONFIRM_LINK_WORKS, CONFIRMS
from consent.core.models import Subject
from consent.core.subjects import address_lock, normalise_email
from consent.core.withheld import WAITING

from .dealt_with import answered_before
from .forgetting import requests_forget
from .mailed import mail_to_guardian
from .models import Ticket
from .outbox import mail_delete


def strangers_requests(at: datetime) -> list[int]:
    """The requests of people on no record whose purpose was achieved before the grace period at
    `at`: closed then, linked to no one, written from an address no one on record holds (else
    they are that person's, `TicketQuerySet.of`) and not by a parent or guardian (theirs go with
    the child's record, erasure.guardians_minimise)."""
    done = Ticket.objects.closed().filter(
        subject=None, as_guardian=False, guardian=None, closed_at__lte=answered_before(at)
    )
    found = []
    for pk, email in done.exclude(email="").order_by("pk").values_list("pk", "email"):
        if not Subject.objects.filter(email__address=normalise_email(email)).exists():
            found.append(pk)
    return found


def strangers_links(at: datetime) -> list[str]:
    """The addresses mailed a newsletter link that no longer works at `at` and that no one on
    record holds (a confirmed link makes a record: then the mail is that person's)."""
    sent = Email.objects.filter(headers__has_key=CONFIRMS, created__lte=at - CONFIRM_LINK_WORKS)
    sent = sent.exclude(Exists(Subject.objects.filter(email__address=OuterRef("to"))))
    addresses = {normalise_email(a) for to in sent.values_list("to", flat=True) for a in to}
    return sorted(addresses - {""})


def _mail_kept(address: str, at: datetime) -> bool:
    """Whether the mail to `address` is still to keep at `at`: a parent's or guardian's on a
    child's record, the staff's (an officer trying the form from their own address) or one the
    site's own addresses receive, or a request from it is open or within its grace period (a
    newsletter link's mail went before the request beside it was forgotten)."""
    ours = {
        normalise_email(settings.STAFF_NOTIFY_EMAIL),
        normalise_email(settings.OPERATOR["email"]),
    }
    return (
        address in ours
        or guardians_at(address).exclude(contact="").exists()
        or get_user_model().objects.filter(email__address=address).exists()
        or Ticket.objects.filter(email__address=address)
        .filter(Q(status__in=Ticket.OPEN_STATUSES) | Q(closed_at__gt=answered_before(at)))
        .exists()
    )


def _mail_forget(address: str, at: datetime, written_by: datetime) -> None:
    """Delete the mail to `address` no one on record holds (mailed.py's rule), sent or given up
    on, written by `written_by`; mail still waiting is left to be sent."""
    if not address or _mail_kept(address, at):
        return
    mailed = mail_to_guardian(address) & ~Q(status__in=WAITING) & Q(created__lte=written_by)
    for storage, name in mail_delete(mailed):
        file_delete(storage, name)


def strangers_forget(tickets: list[int], links: list[str], at: datetime) -> None:
    """Forget what `strangers_requests` and `strangers_links` found at `at`."""
    for ticket in Ticket.objects.filter(pk__in=tickets).order_by("pk"):
        with transaction.atomic():
            address = normalise_email(ticket.email)
            if _nobodys(address):
                requests_forget(Ticket.objects.filter(pk=ticket.pk))
                _mail_forget(address, at, at)
    for address in links:
        with transaction.atomic():
            if _nobodys(address):
                _mail_forget(address, at, at - CONFIRM_LINK_WORKS)


def _nobodys(address: str) -> bool:
    """Whether no one on record holds `address` now, asked under its lock: a form sent through
    another host while retention ran made them a person, whose earlier request is theirs to
    keep (it was forgotten as a stranger's, read minutes before)."""
    address_lock(address)
    return not Subject.objects.filter(email__address=address).exists()
