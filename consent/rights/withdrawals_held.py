"""The withdrawals the nightly retention leaves for staff instead of acting on them (compliance
L5, L14), found by the request each answered (its number is the withdrawal's reason): one an
emailed request made that nobody confirmed, and one an officer refused with reasons."""

from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat

from consent.core import gate
from consent.core.guardians import child_named
from consent.core.models import LedgerEntry
from consent.core.purposes import PURPOSES

from .dealt_with import last_answered
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


def _keeping(entries):
    """Of withdrawals, those a refusal can keep the data for: of a consent a service needs
    (`Purpose.required`, as `Ticket.refusable` reads it). The news' or the processing abroad's,
    withdrawn in the same request (every consent), are carried out whatever the refusal says,
    and their terms keep nothing: a news consent given a year after the service's kept the
    person a year past the service consent's term."""
    return entries.filter(purpose__in=[code for code, p in PURPOSES.items() if p.required])


def _withdrawn_grant(entry):
    """The grant `entry` withdrew: the person's latest for its purpose before it."""
    return (
        LedgerEntry.objects.filter(
            subject_id=entry.subject_id, purpose=entry.purpose, kind=LedgerEntry.Kind.GRANT
        )
        .filter(pk__lt=entry.pk)
        .order_by("-pk")
        .first()
    )


def _term(entry):
    """When the consent `entry` withdrew would have ended by its term (None: no term known)."""
    withdrawn = _withdrawn_grant(entry)
    return None if withdrawn is None else withdrawn.expires_at


def refusals(at):
    """[(withdrawal, how its hold ended at `at`: None while it holds, `achieved` or `expire`)]
    of each person whose withdrawal of a consent a service needs an officer refused with
    reasons (Art. 8(2): a law requires keeping the data, or an obligation to them is
    unfulfilled), the withdrawal still the latest event of its purpose. A refusal keeps the data
    no longer than the consent would have: not once the inquiries and applications it served
    are dealt with (dealt_with.py: every one marked answered after the refusal, its grace period
    over), the obligation the refusal named fulfilled, and not past the consent's term. The
    person's own request to destroy, or the refused request reopened and carried out, ends it
    sooner."""
    refused = Ticket.objects.filter(type=Ticket.Type.WITHDRAW, status=Ticket.Status.REFUSED)
    found = []
    for entry in _keeping(_withdrawals_answering(refused, at)):
        number = int(entry.reason.removeprefix(Ticket.REFERENCE_PREFIX))
        refused_at = refused.filter(pk=number).values_list("closed_at", flat=True).first()
        answered = last_answered(entry.subject_id, at)
        term = _term(entry)
        if answered is not None and refused_at is not None and answered >= refused_at:
            found.append((entry, LedgerEntry.Kind.ACHIEVED))
        elif term is not None and term <= at:
            found.append((entry, LedgerEntry.Kind.EXPIRE))
        else:
            found.append((entry, None))
    return found


def withdrawal_refused(at):
    """The people whose refused withdrawal still keeps their data at `at` (refusals): retention
    lists them for staff instead of destroying them; the refusal told them their data stays."""
    return {entry.subject_id for entry, ended in refusals(at) if ended is None}


def refusals_ended(at):
    """[(person id, purpose, the ledger event that ends it)] of each refused withdrawal whose
    hold is over at `at` (refusals): retention records the purpose achieved or expired, as it
    would have ended had the withdrawal been carried out, so that what it alone needed goes,
    and the person with it when no consent stands."""
    return [(entry.subject_id, entry.purpose, ended) for entry, ended in refusals(at) if ended]


def refusal_kept(ticket: Ticket) -> dict:
    """What a refused withdrawal's letter says was done and what is kept: {"since": when the
    withdrawal was recorded (the processing stopped then), "until": the latest day the refusal
    can keep the data, the withdrawn consent's term (None: no term known), "own": whether the
    person's own consent was withdrawn, "children": the children a parent or guardian withdrew
    for, as they know them (guardians.child_named)}; {} when the request withdrew nothing (no
    consent of it stood). A parent's withdrawal of a child's consent, which only they could
    make, was told «we cannot carry out your request» though the child's processing had
    stopped at confirmation."""
    entries = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.WITHDRAW, reason=ticket.reference)
    own = entries.filter(subject_id=ticket.subject_id) if ticket.subject_id else entries.none()
    wards = entries.exclude(pk__in=own.values("pk")).filter(guardian__isnull=False)
    entries = entries.filter(pk__in=[*own.values_list("pk", flat=True),
                                     *wards.values_list("pk", flat=True)])  # fmt: skip
    if not entries.exists():
        return {}
    terms = [_term(entry) for entry in _keeping(entries)]
    until = None if not terms or None in terms else max(terms)
    rows = {entry.subject_id: entry.guardian for entry in wards.select_related("guardian")}
    return {"since": entries.order_by("at").first().at, "until": until, "own": own.exists(),
            "children": [child_named(row) for _pk, row in sorted(rows.items())]}  # fmt: skip
