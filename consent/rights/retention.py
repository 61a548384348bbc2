"""Retention (compliance L5): no personal data kept past the term of every purpose it serves."""

from datetime import datetime, timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date
from consent.core import gate
from consent.core.held import holds_service
from consent.core.ledger import consent_achieve, consent_expire, subject_lock
from consent.core.models import Held, LedgerEntry, Source, Subject, Submission
from consent.core.purposes import PURPOSES, SERVICE

from .dealt_with import answered_before, last_answered
from .erasure import subject_destroy, subject_reduce, submission_erase
from .expiring import expired_requests, requests_expire
from .models import KeptRequest, QuarantinedMessage, Ticket, UsedLink
from .outbox import outbox_prune
from .set_aside import QUARANTINE_KEPT, held_for_block, senders_renote
from .sign_ins import sign_ins_expire
from .strangers import strangers_forget, strangers_links, strangers_requests
from .withdrawals_held import last_ids, refusals_ended, withdrawal_refused, withdrawn_unconfirmed

SPENT_TOKENS_KEPT = timedelta(days=2)
# Sent after each run with `before`: apps above this one prune their own spent tokens.
retention_ran = Signal()


# Why retention leaves a person for staff (the plan's "review"), and how the officers' digest
# says it (digest.digest).
OPEN_REQUEST = "open request"
BLOCKED = "blocked: staff decide after the check"
NO_CONSENT = "no consent on record"
ANSWERED_OPEN = "inquiry answered, but a request is open"
ANSWERED_BLOCKED = "inquiry answered, but processing is blocked"
ASKED_AGAIN = "consent asked again: kept until the person consents or its term ends"
WITHDRAWN_UNCONFIRMED = "consent withdrawn by an emailed request never confirmed: staff decide"
UNDER_AGE = "under 18 by the date of birth, consented without a parent or guardian: staff decide"
REFUSED = "withdrawal refused with reasons: kept until its inquiries are answered or its term ends"
REVIEW_REASONS = {
    OPEN_REQUEST: _("a request of theirs is open"),
    BLOCKED: _("processing is blocked: decide after the check"),
    NO_CONSENT: _("no consent on record"),
    ASKED_AGAIN: _("consent asked again: kept until the person consents or its term ends"),
    ANSWERED_OPEN: _("an inquiry or application answered, but a request of theirs is open"),
    ANSWERED_BLOCKED: _("an inquiry or application answered, but processing is blocked"),
    WITHDRAWN_UNCONFIRMED: _("consent withdrawn by an emailed request never confirmed: decide"),
    REFUSED: _(
        "withdrawal of consent refused with reasons: kept until the inquiries and applications "
        "are answered or the consent's term ends; if the reasons end sooner, reopen the request "
        "and carry it out"
    ),
    UNDER_AGE: _(
        "under 18 by the date of birth, and consented without a parent or guardian: decide"
    ),
}


def service_achieved(subject_id: int, at: datetime) -> bool:
    """Whether the service purpose is achieved for the person at `at` (compliance L5): every
    inquiry and application they sent was answered before the grace period (dealt_with.py), and
    they have not consented again since the last answer (a new inquiry comes with a new
    consent)."""
    last_answer = last_answered(subject_id, at)
    if last_answer is None:
        return False
    latest = (
        LedgerEntry.objects.filter(gate.recorded_by(at), subject_id=subject_id, purpose=SERVICE)
        .order_by("-id")
        .first()
    )
    return latest is not None and latest.kind == LedgerEntry.Kind.GRANT and latest.at <= last_answer


def retention_plan(at: datetime | None = None, only: int | None = None) -> dict[str, list[Any]]:
    """What the job would do at `at`: {"expire": [(subject id, purpose)], "destroy": [ids],
    "answered": [ids of submissions answered before the grace period], "achieved": [ids of
    people whose every inquiry is answered so], "unconsented": [ids of submissions whose
    service consent the ledger never took], "review": [(id, reason)], "quarantine": [ids
    of emails set aside past QUARANTINE_KEPT], "strangers": [ids of requests of people on no
    record], "links": [addresses of newsletter links no one confirmed]} (strangers.py),
    "expired": [ids of requests no one can confirm any more] (expiring.py).
    Subjects some purpose may still process keep what a standing purpose lists; a person under
    review is left as they are. `only`: the plan of that one person (their page reads why they
    are left for staff, kept.py), by the same rules, without the emails set aside, the forms
    never consented to and the people on no record."""
    at = at or timezone.now()
    people = Subject.objects.all() if only is None else Subject.objects.filter(pk=only)
    # Whom any purpose may process: one query, not one a purpose (four on each person's page).
    permitted = Q(pk__in=[])
    for purpose in PURPOSES:
        permitted |= Q(pk__in=gate.permitted_subjects(purpose, people, at=at).values("pk"))
    active = set(people.filter(permitted).values_list("pk", flat=True))
    expired_grants = []
    latest = _latest_consents(at) if only is None else _latest_consents(at).filter(subject=only)
    for subject_id, purpose, kind, expires in latest:
        if kind == LedgerEntry.Kind.GRANT and expires is not None and expires <= at:
            expired_grants.append((subject_id, purpose))
    open_tickets = set(
        Ticket.objects.open().filter(subject__isnull=False).values_list("subject_id", flat=True)
    )
    set_aside = QuarantinedMessage.objects.filter(received_at__lt=at - QUARANTINE_KEPT)
    set_aside = set_aside.exclude(pk__in=held_for_block(at)) if only is None else set_aside.none()
    plan = {"expire": expired_grants, "destroy": [], "answered": [], "achieved": [],
            "unconsented": [], "review": [],
            "quarantine": sorted(set_aside.values_list("pk", flat=True)),
            "strangers": strangers_requests(at) if only is None else [],
            "links": strangers_links(at) if only is None else [],
            "expired": expired_requests(at) if only is None else []}  # fmt: skip
    # Read only where someone is left to review: a person's page is most often an active one.
    left = list(people.exclude(pk__in=active).only("pk").order_by("pk"))
    asked_again, unconfirmed = (_asked_again(at), withdrawn_unconfirmed(at)) if left else ((), ())
    under_age, refused = (_under_age(at), withdrawal_refused(at)) if left else ((), ())
    for subject in left:
        if subject.pk in open_tickets:
            plan["review"].append((subject.pk, OPEN_REQUEST))
        elif subject.pk in unconfirmed:
            plan["review"].append((subject.pk, WITHDRAWN_UNCONFIRMED))
        elif subject.pk in refused:
            plan["review"].append((subject.pk, REFUSED))
        elif gate.is_blocked(subject, at):
            plan["review"].append((subject.pk, BLOCKED))
        elif not LedgerEntry.objects.filter(subject=subject).exists():
            plan["review"].append((subject.pk, NO_CONSENT))
        elif subject.pk in asked_again:
            plan["review"].append((subject.pk, ASKED_AGAIN))
        elif subject.pk in under_age:
            plan["review"].append((subject.pk, UNDER_AGE))
        else:
            plan["destroy"].append(subject.pk)
    # Inquiries dealt with (compliance L5): what they sent goes after the grace period, and
    # with the last of them the service purpose is achieved. A person under review keeps all.
    answered = Submission.objects.filter(
        answered_at__lte=answered_before(at), subject__in=people
    ).exclude(subject__in=plan["destroy"])
    by_subject = {}
    for submission_id, subject_id in answered.order_by("pk").values_list("pk", "subject_id"):
        by_subject.setdefault(subject_id, []).append(submission_id)
    reviewed = {subject_id for subject_id, _reason in plan["review"]}
    for subject_id, submission_ids in sorted(by_subject.items()):
        if subject_id in reviewed:
            continue
        if subject_id in open_tickets:
            plan["review"].append((subject_id, ANSWERED_OPEN))
        elif gate.is_blocked(Subject(pk=subject_id), at):
            plan["review"].append((subject_id, ANSWERED_BLOCKED))
        else:
            plan["answered"] += submission_ids
            if service_achieved(subject_id, at):
                plan["achieved"].append(subject_id)
    if only is None:
        plan["unconsented"] = _unconsented(at, set(plan["destroy"]) | reviewed | open_tickets)
    return plan


def _unconsented(at, left_alone):
    """Submissions the service purpose never had consent for (consent.core.held): the owner of
    the address did not confirm in time what they had withdrawn, or the person was blocked
    when it came and no longer is. Kept no longer than other data without consent; a person
    destroyed tonight, under review or blocked is left as the rest of the plan leaves them.
    A person whose service consent stands now (given again on their page, by another form's
    link, or never ended by the block) has the form answered under it, like any other form of
    theirs: it is kept, and goes once answered (`answered`) or once that consent ends."""
    waited = Submission.objects.filter(
        consent_held=Held.WITHDRAWN, created_at__lte=at - Submission.CONFIRM_WITHIN
    ) | Submission.objects.filter(consent_held=Held.BLOCKED)
    waited = waited.exclude(subject__in=left_alone).exclude(
        subject__in=gate.permitted_subjects(SERVICE, at=at).values("pk")
    )
    found = []
    for submission in waited.select_related("subject"):
        if holds_service(submission) and not gate.is_blocked(submission.subject, at):
            found.append(submission.pk)
    return sorted(found)


def _asked_again(at):
    """The people whose latest event for a purpose is a grant still in its term that a later
    text of the purpose, asking for consent again (the gate's rule 3), no longer counts. Nothing
    is processed under it, but it ended no consent the person gave: their data is not destroyed
    for a text they have not yet had the chance to agree to, only at the end of the term they
    agreed to (the grant then expires) or when they withdraw."""
    return set(asked_again_grants(at).values_list("subject_id", flat=True))


def asked_again_grants(at):
    """The grants that hold people under review as ASKED_AGAIN at `at` (review_ends.py)."""
    floors = (
        gate.texts_asking_again(at)
        .values("purpose")
        .annotate(floor=Max("version"))
        .values_list("purpose", "floor")
    )
    below = Q()
    for purpose, floor in floors:
        below |= Q(purpose=purpose, text__version__lt=floor)
    if not below:
        return LedgerEntry.objects.none()
    return LedgerEntry.objects.filter(
        below, pk__in=last_ids(at), kind=LedgerEntry.Kind.GRANT, expires_at__gt=at
    )


def _under_age(at):
    """The people the record shows under 18 at `at` whose latest event for a purpose is a grant
    still in its term given without a parent or guardian (the gate's rule 4 counts none of
    them): a date of birth corrected since (answers.ticket_correct). Their consents ended by
    no one's choice, and destroying their data the night after the correction, with the person
    told only that it was corrected, left no parent the chance to consent: staff decide."""
    return set(under_age_grants(at).values_list("subject_id", flat=True))


def under_age_grants(at):
    """The grants that hold people under review as UNDER_AGE at `at` (review_ends.py)."""
    return LedgerEntry.objects.filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=at),
        pk__in=last_ids(at), kind=LedgerEntry.Kind.GRANT, guardian__isnull=True,
        subject__birth_date__gt=gate.adult_born_by(at),
    )  # fmt: skip


def _ended_before(at):
    """The people a purpose has ended for, by its term or achieved, and not been given again:
    their latest event for it is the expiry or the achievement (`subject_reduce` again erases
    nothing more where it has done its work)."""
    ended = LedgerEntry.objects.filter(
        pk__in=last_ids(at), kind__in=(LedgerEntry.Kind.EXPIRE, LedgerEntry.Kind.ACHIEVED)
    )
    return set(ended.values_list("subject_id", flat=True))


def _refusals_end(at, destroyed):
    """Record the end of each refused withdrawal's hold on the data (withdrawals_held.refusals:
    its inquiries dealt with, or its consent's term over) as the purpose achieved or expired;
    the withdrawal was the latest event, so nothing ended the purpose, and a person who still
    had the news kept what only the service needed for as long as they had them. Returns the
    people it was recorded for (a person destroyed tonight needs none)."""
    ending = {LedgerEntry.Kind.ACHIEVED: consent_achieve, LedgerEntry.Kind.EXPIRE: consent_expire}
    ended = set()
    for subject_id, purpose, kind in refusals_ended(at):
        if subject_id not in destroyed:
            with transaction.atomic():
                subject = Subject.objects.select_for_update().filter(pk=subject_id).first()
                if subject is not None:  # not destroyed meanwhile (by an officer, another host)
                    ending[kind](subject, purpose, source=Source.RETENTION)
                    ended.add(subject_id)
    return ended


def _past_term(person: Subject, purpose: str, at: datetime) -> bool:
    """Whether the person's latest event of `purpose`, now, is still a grant past its term."""
    latest = gate.latest_events(person).get(purpose)
    granted = latest is not None and latest.kind == LedgerEntry.Kind.GRANT
    return granted and latest.expires_at is not None and latest.expires_at <= at


def _standing(person: Subject, at: datetime) -> bool:
    """Whether a form's held service consent now stands, or a block leaves it to staff."""
    return gate.is_blocked(person, at) or gate.may_process(person, SERVICE, at)


def _latest_consents(at):
    return LedgerEntry.objects.filter(pk__in=last_ids(at)).values_list(
        "subject_id", "purpose", "kind", "expires_at"
    )


def enforce_retention(at: datetime | None = None, dry_run: bool = False) -> dict[str, list[Any]]:
    """Record expiries and purposes achieved, destroy what no purpose may keep, erase what no
    standing purpose lists, and return the plan for review."""
    at = at or timezone.now()
    plan = retention_plan(at)
    if dry_run:
        return plan
    ref = f"retention {local_date(at):%Y-%m-%d}"  # the day it ran in Almaty, not in UTC
    senders_renote()  # after a SECRET_KEY change, so that a destruction need not read them
    refusals_over = _refusals_end(at, set(plan["destroy"]))  # read before the forms go
    subjects = {s.pk: s for s in Subject.objects.filter(pk__in={sid for sid, _ in plan["expire"]})}
    # Each person locked and asked again before anything is written: the plan is read before
    # the first write, minutes before the last on a large database, and a person may give
    # consent again, write or ask meanwhile (a form on another host): their new consent was
    # expired at once, and they were destroyed with what they had just sent.
    for subject_id, purpose in plan["expire"]:
        person = subjects.get(subject_id)  # None: destroyed since the plan (it was a KeyError)
        with transaction.atomic():
            if person and subject_lock(person) and _past_term(person, purpose, at):
                consent_expire(person, purpose, source=Source.RETENTION)
    destroyed = []
    for subject_id in plan["destroy"]:
        with transaction.atomic():
            subject = Subject.objects.select_for_update().filter(pk=subject_id).first()
            again = retention_plan(max(at, timezone.now()), only=subject_id)  # what is written now
            if subject is not None and subject_id in again["destroy"]:
                subject_destroy(subject, request_ref=ref)
                destroyed.append(subject_id)
    plan["destroy"] = destroyed  # who was, for what follows and the command's report
    achieved = set()
    answered = Submission.objects.filter(pk__in=plan["answered"])
    for subject_id in sorted(set(answered.values_list("subject_id", flat=True))):
        with transaction.atomic():
            # Locked and asked again: an inquiry sent since the plan keeps the purpose going.
            if not (subject := Subject.objects.select_for_update().filter(pk=subject_id).first()):
                continue  # destroyed meanwhile, its forms with it
            if subject_id in plan["achieved"] and service_achieved(subject_id, at):
                consent_achieve(subject, SERVICE, source=Source.RETENTION)
                achieved.add(subject_id)
            for submission in answered.filter(subject=subject).order_by("pk"):
                submission_erase(submission, reason="purpose_achieved", request_ref=ref)
    for submission in Submission.objects.filter(pk__in=plan["unconsented"]).order_by("pk"):
        with transaction.atomic():  # a consent confirmed meanwhile has the form kept under it
            person, now = submission.subject, max(at, timezone.now())
            if subject_lock(person) and not _standing(person, now):  # locked, then read
                submission_erase(submission, reason="consent_not_confirmed", request_ref=ref)
    # A purpose ended, expired or achieved: what no standing purpose lists goes, and the person
    # with it when none stands (a block or an open request leaves them to staff meanwhile).
    # Not only tonight's: the expiry is recorded once, so a person left to staff the night it
    # was would otherwise keep for good what only the ended purpose needed.
    reviewed = {subject_id for subject_id, _reason in plan["review"]}
    ended = {sid for sid, _purpose in plan["expire"]} | achieved | _ended_before(at)
    ended |= refusals_over
    for subject_id in sorted(ended - set(plan["destroy"]) - reviewed):
        with transaction.atomic():
            subject = Subject.objects.select_for_update().filter(pk=subject_id).first()
            if subject is None or gate.is_blocked(subject):
                continue
            if Ticket.objects.open().filter(subject=subject).exists():
                continue
            subject_reduce(subject, request_ref=ref)
    QuarantinedMessage.objects.filter(pk__in=plan["quarantine"]).delete()
    requests_expire(plan["expired"], at)  # their grace period (strangers.py) starts now
    strangers_forget(plan["strangers"], plan["links"], at)
    outbox_prune(at)  # the access answers' files, the staff's notices
    # A request kept from a closed self-service page for a day (selfservice.draft_keep).
    KeptRequest.objects.filter(kept_until__lt=at).delete()
    # Housekeeping without personal data: spent one-time links here, and whatever the apps
    # above keep of the same kind (forms_app: used form tokens) through the signal.
    UsedLink.objects.filter(used_at__lt=at - SPENT_TOKENS_KEPT).delete()
    retention_ran.send(sender=enforce_retention, before=at - SPENT_TOKENS_KEPT)
    # Sessions past their age (a staff sign-in, whose page a self-service link opened): Django
    # deletes them only when asked, so without this they stayed in the database for ever.
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    sign_ins_expire(at)  # staff sign-in records past their term (T6)
    return plan
