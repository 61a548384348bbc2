"""The one gate: may purpose P process subject S at time T? (docs/architecture.md, "The gate")

Yes only when the subject's latest event for P is a grant that has not expired, given to a
published text no older than the purpose's last "consent again" version, given by a guardian if
the subject was a minor at T, and the subject's latest block event is not a block. Everything is
derived from the ledger at query time; nothing is stored beside it.
"""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from consent.common.clock import about_now
from consent.common.dates import local_date

from .models import ConsentText, LedgerEntry, Subject
from .purposes import CROSS_BORDER, PURPOSES

ADULT_AGE = 18
Kind = LedgerEntry.Kind


def recorded_by(at: datetime | None) -> Q:
    """The ledger rows that make the state at `at`, as a filter: every row when asked about now
    (`about_now`), the latest by id, else those dated up to `at`. Dated by the asking host's
    clock alone, a withdrawal taken by a host 50 s ahead went unseen by the others for 50 s:
    their sender delivered the campaign mail to the person just told «you are unsubscribed»
    (tests/marketing/test_clocks_apart.py)."""
    return Q() if about_now(at) else Q(at__lte=at)


def _latest(purpose_filter, at):
    """The id of the subject's latest event matching purpose_filter (used inside a subquery)."""
    return Subquery(
        LedgerEntry.objects.filter(
            recorded_by(at), subject=OuterRef("subject_id"), **purpose_filter
        )
        .order_by("-id")
        .values("pk")[:1]
    )


def permitted_subjects(
    purpose: str, subjects: QuerySet[Subject] | None = None, at: datetime | None = None
) -> QuerySet[Subject]:
    """The subjects (a queryset, default all) that purpose may process at `at`: one query."""
    at = at or timezone.now()
    subjects = Subject.objects.all() if subjects is None else subjects
    return _consented(purpose, subjects, at).exclude(Exists(_blocks(at)))


def blocked_subjects(
    subjects: QuerySet[Subject] | None = None, at: datetime | None = None
) -> QuerySet[Subject]:
    """The subjects (a queryset, default all) whose processing is blocked at `at`: one query."""
    at = at or timezone.now()
    subjects = Subject.objects.all() if subjects is None else subjects
    return subjects.filter(Exists(_blocks(at)))


def _blocks(at):
    """The subject's latest block event, when it is a block (inside a subquery)."""
    return LedgerEntry.objects.filter(
        subject=OuterRef("pk"), pk=_latest({"purpose__isnull": True}, at), kind=Kind.BLOCK
    )


def texts_asking_again(at: datetime | None = None) -> QuerySet[ConsentText]:
    """The consent texts in force at `at` that asked for consent again (rule 3): a grant to an
    earlier version of the purpose no longer counts from the moment one took effect (published,
    and its policy version's effective date come), not before."""
    return ConsentText.objects.in_force(at or timezone.now()).filter(requires_reconsent=True)


def text_replaced(text: ConsentText, at: datetime | None = None) -> bool:
    """Whether a later text of `text`'s purpose asking for consent again is in force at `at`:
    a grant to `text` recorded now would not count (rule 3), so a link that would record one
    (the newsletter's, a held consent's) records nothing and says why."""
    asking = texts_asking_again(at).filter(purpose=text.purpose, version__gt=text.version)
    return asking.exists()


def asking_again(at: datetime | None = None) -> list[tuple[str, int, datetime]]:
    """(purpose, version, in force from) of each text that asked for consent again (rule 3),
    earliest first: what `asked_again_at()` reads, fetched once for a person's every row."""
    texts = texts_asking_again(at).select_related("policy")
    found = [(text.purpose, text.version, text.in_force_from) for text in texts]
    return sorted(found, key=lambda row: row[2])


def asked_again_at(entry: LedgerEntry, asking: list[tuple[str, int, datetime]]) -> datetime | None:
    """When a later text of a grant's purpose asked for consent again, from which moment the
    grant no longer counts (rule 3); None for any other event, or a grant no such text ended.
    `asking` is `asking_again()`."""
    if entry.kind != Kind.GRANT or entry.text is None:
        return None
    return next(
        (at for purpose, version, at in asking
         if purpose == entry.purpose and version > entry.text.version),
        None,
    )  # fmt: skip


def asked_again_since(latest: dict[str | None, LedgerEntry], at: datetime | None = None
                      ) -> dict[str, date]:  # fmt: skip
    """The local date (Almaty) from which each purpose's latest event, a grant, no longer
    counts because a later text asked for consent again (`asked_again_at`): what a person's
    page says of it, rather than «not given». `latest` is `latest_events()`; a purpose whose
    grant stands, whose latest event is no grant (withdrawn, expiry recorded), or whose grant
    is past its term (`ended_by_term`: it ended, whatever a later text asked) is left out."""
    at = at or timezone.now()
    asking = asking_again(at)
    since = {code: asked_again_at(entry, asking) for code, entry in latest.items()
             if code and not ended_by_term(entry, at)}  # fmt: skip
    return {code: local_date(moment) for code, moment in since.items() if moment}


def ended_by_term(entry: LedgerEntry | None, at: datetime | None = None) -> bool:
    """Whether `entry` is a grant past its term at `at` (rule 2), its expiry recorded or not:
    retention records it overnight, and not while the person is left to staff (blocked, a
    request open)."""
    return (
        entry is not None
        and entry.kind == Kind.GRANT
        and entry.expires_at is not None
        and entry.expires_at <= (at or timezone.now())
    )


def _consented(purpose, subjects, at):
    """Rules 1-4 of the gate: the subjects whose consent for purpose stands, a block aside."""
    floor = (
        texts_asking_again(at).filter(purpose=purpose).order_by("-version").values("version")[:1]
    )
    born_by = adult_born_by(at)
    grants = LedgerEntry.objects.filter(
        Q(guardian__isnull=False)
        | Q(subject__birth_date__isnull=True)
        | Q(subject__birth_date__lte=born_by),
        subject=OuterRef("pk"),
        pk=_latest({"purpose": purpose}, at),
        kind=Kind.GRANT,
        expires_at__gt=at,
        text__version__gte=Coalesce(Subquery(floor), Value(0)),
    )
    return subjects.filter(Exists(grants))


def may_process(subject: Subject | None, purpose: str, at: datetime | None = None) -> bool:
    """The gate for one subject."""
    if subject is None or subject.pk is None:
        return False
    return permitted_subjects(purpose, Subject.objects.filter(pk=subject.pk), at).exists()


def consent_stands(subject: Subject, purpose: str, at: datetime | None = None) -> bool:
    """Whether the subject's consent for `purpose` stands at `at` (rules 1-4), a block aside:
    what the person's pages and their parent's say is given. A block pauses processing
    (may_process says no) and ends no consent: read through the gate, a blocked child's
    consent showed «not given» on the parent's page."""
    if subject is None or subject.pk is None:
        return False
    one = Subject.objects.filter(pk=subject.pk)
    return _consented(purpose, one, at or timezone.now()).exists()


def needs_guardian(subject: Subject, at: datetime | None = None) -> bool:
    """Rule 4 for one person: under 18 at `at` (by date of birth, in TIME_ZONE), so a grant
    stands only when a guardian gave it with them."""
    return born_minor(subject.birth_date, at)


def born_minor(born: date | None, at: datetime | None = None) -> bool:
    """Whether someone born on `born` is under 18 at `at` (the local date, in TIME_ZONE)."""
    return born is not None and born > adult_born_by(at or timezone.now())


def adult_born_by(at: datetime) -> date:
    """The latest date of birth of someone 18 at `at` (the local date, in TIME_ZONE). Someone
    born on 29 February comes of age on 1 March in a year without one: a day later than on 28
    February, the reading that asks a guardian's consent the longer while the law's is to be
    confirmed (compliance L6)."""
    return local_date(at) - relativedelta(years=ADULT_AGE)


def of_age_on(born: date) -> date:
    """The local date from whose midnight someone born on `born` is 18 (adult_born_by's rule: 1
    March for someone born on 29 February, in a year without one)."""
    day = born + relativedelta(years=ADULT_AGE)
    return day if day - relativedelta(years=ADULT_AGE) >= born else day + relativedelta(days=1)


def consents_standing(subject: Subject, at: datetime | None = None) -> list[str]:
    """The purposes whose consent stands for one subject at `at`. A block is left aside: it
    pauses processing but ends no consent, so it is no reason to destroy data."""
    at = at or timezone.now()
    # Cross-border consent is a condition of how data is processed, not a purpose to keep it for.
    purposes = [code for code in PURPOSES if code != CROSS_BORDER]
    return [code for code in purposes if consent_stands(subject, code, at)]


def latest_event(
    subject: Subject, purpose: str | None, at: datetime | None = None
) -> LedgerEntry | None:
    """The subject's latest ledger event of one purpose (of blocking, under None) at `at`: one
    lookup in the ledger_state index."""
    return (
        LedgerEntry.objects.filter(recorded_by(at), subject=subject, purpose=purpose)
        .order_by("-id")
        .first()
    )


def is_blocked(subject: Subject, at: datetime | None = None) -> bool:
    latest = latest_event(subject, None, at)
    return latest is not None and latest.kind == Kind.BLOCK


def latest_events(subject: Subject, at: datetime | None = None) -> dict[str | None, LedgerEntry]:
    """The latest ledger event of each purpose (and of blocking, under None): one query."""
    rows = LedgerEntry.objects.filter(pk__in=_latest_ids(subject, at)).select_related("text")
    return {row.purpose: row for row in rows}


def latest_kinds(subject: Subject, at: datetime | None = None) -> dict[str | None, str]:
    """latest_events()' kinds alone (grant, withdraw, block, ...): one query, no text read and
    no row made of it, as a public form asks of an address on record while a stranger's costs
    one write (core.held.consent_decision; bench/address_timing.py)."""
    latest = LedgerEntry.objects.filter(pk__in=_latest_ids(subject, at))
    return dict(latest.values_list("purpose", "kind"))


def _latest_ids(subject: Subject, at: datetime | None):
    """The ids of the latest ledger row of each purpose (blocking under None), as a subquery."""
    rows = LedgerEntry.objects.filter(recorded_by(at), subject=subject)
    return rows.values("purpose").annotate(last=Max("id")).values("last")
