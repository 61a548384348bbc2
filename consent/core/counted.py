"""The statistics' own count of consents given and withdrawn (Art. 17(1); compliance L23).

The statistics read the ledger, whose rows go with a destroyed person: a month's counts shrank
after it, and most withdrawals went (a person who withdraws everything is usually destroyed),
so two exports of one month disagreed. Each grant and withdrawal is counted here as well, in
the transaction that writes its ledger row, with nothing that names anyone: on PostgreSQL by the
database as the row is inserted (core.sql.COUNT_CONSENTS, whatever code inserts it: a host not
yet reloaded during a release too), on SQLite (`make run`'s demo, one process) by count_event."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import connection

from consent.common.dates import local_date

from .models import ConsentCounted, LedgerEntry, Subject

AGE_BANDS = [(0, "<18"), (18, "18-29"), (30, "30-44"), (45, "45-59"), (60, "60+")]
UNKNOWN = "unknown"
COUNTED = (LedgerEntry.Kind.GRANT, LedgerEntry.Kind.WITHDRAW)


def age_band(birth_date: date | None, on: date) -> str:
    if birth_date is None:
        return UNKNOWN
    # An age as the gate counts it (gate.adult_born_by): relativedelta(on, born).years made
    # someone born on 29 February 18 on 28 February of a year without one, counted among adults
    # on the day the gate and the form still asked for their guardian's consent.
    return next(label for floor, label in reversed(AGE_BANDS)
                if birth_date <= on - relativedelta(years=floor))  # fmt: skip


def count_event(entry: LedgerEntry, subject: Subject, language: str | None = None) -> None:
    """Count the ledger row `entry` of `subject`, a grant or a withdrawal, by its local month,
    its language and the person's age band on its local day (the date of birth on record
    then). A withdrawal's row has no language of its own (no text is shown): `language` is
    that of the grant it withdraws, so that the statistics split both alike (they counted every
    withdrawal under no language). On PostgreSQL the database has counted it already, by the
    same rules (core.sql.COUNT_CONSENTS)."""
    if entry.kind not in COUNTED or connection.vendor == "postgresql":
        return
    day = local_date(entry.at)
    # As the field reads it: a row made with its date as text ("2012-05-17") holds the text.
    born = Subject._meta.get_field("birth_date").to_python(subject.birth_date)
    ConsentCounted.objects.create(
        month=day.replace(day=1),
        kind=entry.kind,
        purpose=entry.purpose or "",
        language=entry.language if language is None else language,
        age_band=age_band(born, day),
    )
