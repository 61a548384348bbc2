"""The withdrawals the nightly retention leaves for staff instead of acting on them (compliance
L5, L14), found by the request each answered (its number is the withdrawal's reason): one an
emailed request made that nobody confirmed, and one an officer refused with reasons."""

from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat

from consent.core import gate
from consent.core.models import LedgerEntry

from .models import Ticket


def last_ids(at):
    """The id of each person's latest event for each purpose at `at` (a subquery)."""
    return (
        LedgerEntry.objects.filter(gate.recorded_by(at), purpose__isnull=False)
        .values("subject", "purpose")
        .annotate(last=Max("id"))
        .values("last")
    )


def _withdrawals_answering(tickets, at):
    """The withdrawals still the latest event of their purpose at `at` that were recorded for
    one of `tickets` (the request's number is their reason)."""
    numbers = tickets.annotate(
        number=Concat(Value(Ticket.REFERENCE_PREFIX), Cast("pk", CharField()))
    ).values("number")
    return LedgerEntry.objects.filter(
        pk__in=last_ids(at), kind=LedgerEntry.Kind.WITHDRAW, reason__in=numbers
    )


def unconfirmed_withdrawals(at):
    """The withdrawals a consent ends in at `at` that were carried out as an emailed request to
    withdraw arrived (stops.request_stop, the request's number their reason) that nobody ever
    confirmed: anyone can send mail in a person's name, and such a request closed unconfirmed
    destroyed, the next night, a person who never asked. Staff decide instead."""
    withdrawals = Ticket.objects.filter(type=Ticket.Type.WITHDRAW)
    return _withdrawals_answering(withdrawals.filter(verified_at=None), at)


def withdrawn_unconfirmed(at):
    """The people an unconfirmed emailed withdrawal (unconfirmed_withdrawals) holds for staff."""
    return set(unconfirmed_withdrawals(at).values_list("subject_id", flat=True))


def withdrawal_refused(at):
    """The people whose withdrawal of a consent an officer refused with reasons (Art. 8(2): a
    law requires keeping the data, or an obligation to them is unfulfilled), the withdrawal
    still the latest event of its purpose, until the term of the consent it withdrew: the
    refusal told them their data stays, and the night after retention destroyed the person
    whose only consent it was. No refusal keeps data longer than the consent would have."""
    refused = Ticket.objects.filter(type=Ticket.Type.WITHDRAW, status=Ticket.Status.REFUSED)
    held = set()
    for entry in _withdrawals_answering(refused, at):
        withdrawn = (
            LedgerEntry.objects.filter(
                subject_id=entry.subject_id, purpose=entry.purpose, kind=LedgerEntry.Kind.GRANT
            )
            .filter(pk__lt=entry.pk)
            .order_by("-pk")
            .first()
        )
        if withdrawn is None or withdrawn.expires_at is None or withdrawn.expires_at > at:
            held.add(entry.subject_id)
    return held
