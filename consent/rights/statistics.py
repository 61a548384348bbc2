"""Depersonalised statistics (Art. 17(1); compliance L23): counts only, no one recognisable."""

from collections import Counter
from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from consent.common.spreadsheet import csv_document
from consent.core.models import LedgerEntry

AGE_BANDS = [(0, "<18"), (18, "18-29"), (30, "30-44"), (45, "45-59"), (60, "60+")]


def age_band(birth_date: date | None, on: date) -> str:
    if birth_date is None:
        return "unknown"
    age = relativedelta(on, birth_date).years
    return next(label for floor, label in reversed(AGE_BANDS) if age >= floor)


def consent_statistics() -> list[tuple[tuple[str, str, str, str], int]]:
    """Counts of consents given by month, purpose, language and age band (never a date of
    birth, a name or a contact)."""
    counts = Counter()
    rows = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.GRANT).values_list(
        "at", "purpose", "language", "subject__birth_date"
    )
    for at, purpose, language, birth_date in rows.iterator(chunk_size=5000):
        day = timezone.localtime(at).date()
        counts[(f"{day:%Y-%m}", purpose, language, age_band(birth_date, day))] += 1
    return sorted(counts.items())


def statistics_csv() -> bytes:
    header = ["month", "purpose", "language", "age_band", "consents_given"]
    return csv_document([header, *([*key, count] for key, count in consent_statistics())])
