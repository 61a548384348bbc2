"""Depersonalised statistics (Art. 17(1); compliance L23): counts only, no one recognisable."""

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from consent.common.dates import local_date, local_today
from consent.common.i18n import language_name
from consent.common.spreadsheet import csv_document
from consent.core.audit import audit
from consent.core.counted import UNKNOWN
from consent.core.models import AuditEvent, ConsentCounted, LedgerEntry
from consent.core.purposes import PURPOSES

from .models import Ticket


def consent_statistics() -> list[tuple[tuple[date, str, str, str], tuple[int, int]]]:
    """Counts of consents given and withdrawn by local month (its first day), purpose, language
    (a withdrawal's: the grant's it withdrew) and age band (never a date of birth, a name or a
    contact), as counted when each was recorded (counted.count_event): a destroyed person's
    ledger rows go, their count stays. The admin index's chart shows both by month; the
    export had the consents given alone."""
    Kind = LedgerEntry.Kind
    rows = (
        ConsentCounted.objects.filter(kind__in=[Kind.GRANT, Kind.WITHDRAW])
        .values_list("month", "purpose", "language", "age_band")
        .annotate(given=Count("id", filter=Q(kind=Kind.GRANT)),
                  withdrawn=Count("id", filter=Q(kind=Kind.WITHDRAW)))
    )  # fmt: skip
    return sorted(((month, purpose, language, band), (given, withdrawn))
                  for month, purpose, language, band, given, withdrawn in rows)  # fmt: skip


# What an answer is: the request carried out, or refused with reasons, or closed without
# action once the person (or the parent who asked) had confirmed it: a parent's request for a
# child who has come of age (guardianship.ticket_close_outgrown), a parent's withdrawal for no
# child they act for (guardianship.ticket_withdraw_guardian), each told why in a letter by a
# day the law's deadline counted to. The chart and the register called those «closed
# unconfirmed» and «not answered». A request closed because the person never confirmed it (or
# no one on record has its address, or a destruction closed it untold, «no data held») was
# never answered, and the desk could not act on it (compliance L9): it is neither on time nor
# late.
ANSWERED = (Ticket.Status.DONE, Ticket.Status.REFUSED)
ANSWERED_IF_CONFIRMED = Ticket.Status.CLOSED
ON_TIME, LATE = "on_time", "late"


def timed(requests: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """`requests`, each with `answered`: ON_TIME when carried out or refused on or before its
    due date (by the local day it was closed), LATE after it, None when not answered (still
    open, closed unanswered, filed): by what an answer is (ANSWERED). The one rule of the
    index's chart, the register, the statistics and the desk's list (its mark and its filter);
    `requests` already so annotated are returned as they are."""
    if "answered" in requests.query.annotations:
        return requests
    answered = Q(closed_at__isnull=False) & (
        Q(status__in=ANSWERED) | Q(status=ANSWERED_IF_CONFIRMED, verified_at__isnull=False)
    )
    return requests.annotate(closed_day=TruncDate("closed_at")).annotate(answered=Case(
        When(answered & Q(closed_day__lte=F("due_date")), then=Value(ON_TIME)),
        When(answered, then=Value(LATE)), default=None, output_field=CharField(),
    ))  # fmt: skip


def request_statistics() -> list[tuple[tuple[date, str], Counter]]:
    """Requests by local month (its first day) and type: how many were received that month,
    how many answered that month (carried out or refused, by the local day each was closed),
    and of those how many late, by the one rule of on time and late (`timed`)."""
    counts = defaultdict(Counter)
    rows = timed(Ticket.objects.requests()).values_list(
        "type", "received_at", "closed_at", "answered"
    )
    for kind, received_at, closed_at, answered in rows.iterator(chunk_size=5000):
        counts[(_month(received_at), kind)]["received"] += 1
        if answered is not None:
            closed = counts[(_month(closed_at), kind)]
            closed["answered"] += 1
            if answered == LATE:
                closed["late"] += 1
    return sorted(counts.items())


def _month(at: datetime) -> date:
    return local_date(at).replace(day=1)


def _month_named(month: date) -> str:
    """A local month («December 2026») in the active language."""
    return formats.date_format(month, format="YEAR_MONTH_FORMAT")


def consent_statistics_csv() -> bytes:
    """Consents given and withdrawn, as a spreadsheet in the active language (the staff
    member's, as the evidence CSV): translated headers, the local month in words, each purpose
    and language by its name, not its code (a withdrawal counted before its language was,
    «unknown»)."""
    header = [_("month"), _("purpose"), _("language"), _("age band"), _("consents given"),
              _("consents withdrawn")]  # fmt: skip
    rows = [
        [_month_named(month), PURPOSES[purpose].name if purpose in PURPOSES else purpose,
         language_name(language) if language else _("unknown"),
         _("unknown") if band == UNKNOWN else band, given, withdrawn]
        for (month, purpose, language, band), (given, withdrawn) in consent_statistics()
    ]  # fmt: skip
    return csv_document([header, *rows])


def request_statistics_csv() -> bytes:
    """Requests received, answered and answered late in each local month (request_statistics),
    as consent_statistics_csv writes its table: each type by its name."""
    types = dict(Ticket.Type.choices)
    header = [_("month"), _("request type"), _("requests received"), _("requests answered"),
              _("of them answered late")]  # fmt: skip
    rows = [
        [_month_named(month), types.get(kind, kind), count["received"], count["answered"],
         count["late"]]
        for (month, kind), count in request_statistics()
    ]  # fmt: skip
    return csv_document([header, *rows])


# Each table its own file, its header on its first row: the two were one file, an empty row
# between them, which a spreadsheet program reads as one table with a second header inside
# (columns typed, sorted and filtered across both).
STATISTICS_TABLES = {"consents": consent_statistics_csv, "requests": request_statistics_csv}


def statistics_export(table: str, *, actor: AbstractBaseUser) -> bytes:
    """The depersonalised counts of `table` (a key of STATISTICS_TABLES) for `actor` (Art. 17(1),
    compliance L23), audited."""
    body = STATISTICS_TABLES[table]()
    audit(AuditEvent.Action.STATISTICS_EXPORT, actor=actor, table=table)
    return body


def requests_by_week(weeks: int = 12, today: date | None = None) -> list[dict]:
    """The last `weeks` weeks (Monday to Sunday, local dates in TIME_ZONE; the current week
    last), one query: requests received in each, and of those how many were answered on time
    (closed on or before the due date, by the local day they were closed), answered late,
    closed unanswered (`unanswered`: never confirmed, or closed untold; ANSWERED), and still
    open; the four add up to those received. For the admin index's chart. (Requests closed
    unconfirmed, a week after their link, counted as answered late: an officer's figures
    showed deadlines missed that never ran.)"""
    today = today or local_today()
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    closed = Ticket.objects.closed()
    rows = (
        timed(Ticket.objects.requests().filter(received_at__date__gte=first))
        .annotate(week=TruncWeek("received_at"))
        .values("week")
        .annotate(
            received=Count("id"),
            on_time=Count("id", filter=Q(answered=ON_TIME)),
            late=Count("id", filter=Q(answered=LATE)),
            unanswered=Count("id", filter=Q(answered=None, pk__in=closed.values("pk"))),
            open=Count("id", filter=Q(pk__in=Ticket.objects.open().values("pk"))),
        )
    )
    found = {timezone.localdate(row.pop("week")): row for row in rows}
    empty = {"received": 0, "on_time": 0, "late": 0, "unanswered": 0, "open": 0}
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    return [{"start": start, **found.get(start, empty)} for start in starts]


def consents_by_month(months: int = 12, today: date | None = None) -> list[dict]:
    """The last `months` calendar months (local, the current one last), one query: consents
    given and withdrawn in each, as counted when each was recorded (counted.count_event), so a
    month's numbers stay when a person's ledger rows go with their data."""
    today = today or local_today()
    first = today.replace(day=1) - relativedelta(months=months - 1)
    Kind = LedgerEntry.Kind
    rows = (
        ConsentCounted.objects.filter(month__gte=first, kind__in=[Kind.GRANT, Kind.WITHDRAW])
        .values("month")
        .annotate(
            given=Count("id", filter=Q(kind=Kind.GRANT)),
            withdrawn=Count("id", filter=Q(kind=Kind.WITHDRAW)),
        )
    )
    found = {row.pop("month"): row for row in rows}
    empty = {"given": 0, "withdrawn": 0}
    starts = [first + relativedelta(months=n) for n in range(months)]
    return [{"start": start, **found.get(start, empty)} for start in starts]
