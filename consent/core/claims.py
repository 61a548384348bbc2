"""A sender's claim on outbox mails: a lease, held by no lock while the mail server is talked to.

A sender claims a batch in a short transaction of its own (`SELECT … FOR UPDATE SKIP LOCKED`,
so two claiming at once take different mails) by moving each mail's `scheduled_time` to the end
of its lease (`LEASE` from now) and commits: until then the mail is not due, so no other sender,
this code's or a release's before it (which asks the same `scheduled_time`), claims it. The
lease's end is the claim's token: a mail is still this sender's while its `scheduled_time` is the
lease the sender wrote. Just before its SMTP exchange the sender renews the mail's lease
(`renew`); after it, records the outcome only while the lease is still its own (`settle`),
putting the mail's own `scheduled_time` back. Neither waits for the mail server, so an officer's
destruction, or a correction's clean-up, deletes the person's queued mail at once; a mail
deleted meanwhile is recorded nowhere (it was handed to the server or not: the person is gone).

The row locks were held for the whole batch, SMTP included, a minute of a slow relay: the
destruction of a person with mail in that batch waited for it, and past the statement timeout
(20 s) was cancelled, the officer shown the 503 page.

A sender killed mid-batch leaves its leases to lapse: its mails come due again `LEASE` after
they were last renewed and the next run sends them, no retry spent.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from post_office import settings as po
from post_office.models import Email

from .withheld import WAITING

# Longer than the exchange of one mail with the relay can last (each SMTP step times out at 20 s,
# emalu/mailers.py) and, from the claim, than a batch takes until its last mail is renewed: a mail
# whose lease lapsed first is skipped by its sender (`renew`), never sent twice.
LEASE = timedelta(minutes=5)


def claim(batch_size: int, skip: frozenset[int] = frozenset()) -> list[Email]:
    """Lock and return up to `batch_size` due messages no other sender holds, except those in
    `skip`. In the caller's transaction, which `lease` then ends the locks' need for."""
    now = timezone.now()
    due = (Q(scheduled_time__lte=now) | Q(scheduled_time=None)) & (
        Q(expires_at__gt=now) | Q(expires_at=None)
    )
    return list(
        Email.objects.select_for_update(skip_locked=True)
        .filter(due, status__in=WAITING)
        .exclude(id__in=skip)
        .order_by(*po.get_sending_order(), "id")
        .prefetch_related("attachments")[:batch_size]
    )


def lease(mails: list[Email]) -> None:
    """Lease the claimed `mails` to this sender (in the claim's transaction): not due until the
    lease ends. Each keeps its own `scheduled_time` in memory, put back when it is settled."""
    until = timezone.now() + LEASE
    Email.objects.filter(id__in=[m.id for m in mails]).update(scheduled_time=until)
    for mail in mails:
        mail.leased_until = until


def _ours(mail: Email):
    return Email.objects.filter(id=mail.id, scheduled_time=mail.leased_until, status__in=WAITING)


def renew(mail: Email) -> bool:
    """Lease `mail` anew from now, if it is still this sender's (in a transaction, which holds
    its row until it commits): whether it is. It is not once it was deleted (its person
    destroyed), expired (an access answer withdrawn, its files deleted: rights/outbox.py), or
    its lease lapsed and another sender claimed it."""
    now = timezone.now()
    live = Q(expires_at__gt=now) | Q(expires_at=None)  # not withdrawn since the claim
    if not _ours(mail).filter(live).update(scheduled_time=now + LEASE):
        _ours(mail).update(scheduled_time=mail.scheduled_time)  # expired: its own time back
        return False
    mail.leased_until = now + LEASE
    return True


def settle(mail: Email) -> bool:
    """End this sender's lease on `mail`, its own `scheduled_time` back, if the lease is still
    this sender's (in the transaction that records its outcome, which holds its row until it
    commits): whether it was."""
    return bool(_ours(mail).update(scheduled_time=mail.scheduled_time))
