"""Why a person's data is held as it is, as their page on the desk says it (compliance L5,
L12): processing blocked, since when, by which request and with the reason recorded; and the
nightly retention leaving them for staff to decide (retention.retention_plan's «review»), why,
since when, by which request or decision, and the day that ends by itself (review_ends.py).

The page showed the block only as the download links' refusal, and the review nowhere: the
officer saw a person whose data no purpose needed still held, with no word why, and the digest
that named them once a day linked to a page that did not say it either."""

from datetime import date, datetime
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from consent.core import gate
from consent.core.models import LedgerEntry, Subject

from .models import Correction, Ticket
from .retention import (
    ANSWERED_BLOCKED,
    ANSWERED_OPEN,
    ASKED_AGAIN,
    BLOCKED,
    NO_CONSENT,
    OPEN_REQUEST,
    REVIEW_REASONS,
    UNDER_AGE,
    WITHDRAWN_UNCONFIRMED,
    retention_plan,
)
from .review_ends import Until, review_until
from .withdrawals_held import unconfirmed_withdrawals


class Block(NamedTuple):
    """A person's processing blocked: since `at`, by `staff`, with the `reason` they recorded,
    answering `request` (None for a block no request of ours answered)."""

    at: datetime
    reason: str
    staff: AbstractBaseUser | None
    request: Ticket | None


class Review(NamedTuple):
    """A person the nightly retention leaves for staff: `reason` as the digest says it, `since`
    when it holds them (None where the record does not tell), the `requests` it is about, and
    the day it ends by itself (`until`, None if it does not)."""

    reason: str
    since: datetime | date | None
    requests: list[Ticket]
    until: Until | None
    blocked: bool  # held by the block: its since and request are the block's, said with it


def block_of(subject: Subject) -> Block | None:
    """The block standing on `subject`'s processing, or None. A block is recorded only by
    answering a request to block (answers.ticket_block), which closes that request in the same
    transaction, just after: the request is the first of theirs to block closed since."""
    latest = gate.latest_event(subject, None)
    if latest is None or latest.kind != LedgerEntry.Kind.BLOCK:
        return None
    request = (
        Ticket.objects.filter(subject=subject, type=Ticket.Type.BLOCK, status=Ticket.Status.DONE)
        .filter(closed_at__gte=latest.at)
        .order_by("closed_at", "id")
        .first()
    )
    return Block(latest.at, latest.reason, latest.actor, request)


def review_of(subject: Subject, at: datetime | None = None) -> Review | None:
    """Why the nightly retention leaves `subject` for staff at `at` (now), or None."""
    at = at or timezone.now()
    why = dict(retention_plan(at, only=subject.pk)["review"]).get(subject.pk)
    if why is None:
        return None
    since, requests = None, []
    if why in (OPEN_REQUEST, ANSWERED_OPEN):
        requests = list(Ticket.objects.open().filter(subject=subject).order_by("received_at", "id"))
        since = requests[0].received_at if requests else None
    elif why == WITHDRAWN_UNCONFIRMED:
        since, requests = _withdrawn_unconfirmed(subject, at)
    elif why == ASKED_AGAIN:
        asked = gate.asked_again_since(gate.latest_events(subject, at), at)
        since = min(asked.values()) if asked else None
    elif why == UNDER_AGE:  # a date of birth corrected since they consented alone
        corrected = subject.corrections.filter(field="birth_date").order_by("-at", "-id").first()
        since, requests = _corrected(corrected)
    elif why == NO_CONSENT:
        since = subject.created_at
    until = review_until([(subject.pk, why)], at).get(subject.pk)
    blocked = why in (BLOCKED, ANSWERED_BLOCKED)
    return Review(REVIEW_REASONS[why], since, requests, until, blocked)


def _withdrawn_unconfirmed(subject, at):
    """(when, [the request]) of the withdrawal an emailed request never confirmed made
    (withdrawals_held.unconfirmed_withdrawals: the request's number is its reason)."""
    entry = unconfirmed_withdrawals(at).filter(subject=subject).order_by("-id").first()
    if entry is None:
        return None, []
    number = int(entry.reason.removeprefix(Ticket.REFERENCE_PREFIX))
    return entry.at, list(Ticket.objects.filter(pk=number))


def _corrected(correction: Correction | None):
    if correction is None:
        return None, []
    return correction.at, [correction.ticket] if correction.ticket_id else []
