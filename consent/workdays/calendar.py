"""Kazakhstan working days: Monday to Friday, minus public holidays and days off moved by decree
(the `holidays` package), with staff overrides (CalendarOverride) for decrees it does not know,
such as a Saturday made a working day."""

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from consent.common.dates import local_date

from .models import CalendarOverride


@lru_cache(maxsize=16)
def _public_holidays(year):
    return frozenset(holidays.KZ(years=year))


def _overrides(start, end):
    return dict(
        CalendarOverride.objects.filter(date__range=(start, end)).values_list(
            "date", "is_working_day"
        )
    )


def is_working_day(day: date, overrides: dict[date, bool] | None = None) -> bool:
    overrides = _overrides(day, day) if overrides is None else overrides
    if day in overrides:
        return overrides[day]
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (counting starts the next day).

    Day n of the count is the n-th working day after `start`; with days=0, `start` itself if it
    is a working day, else the next working day.
    """
    overrides = _overrides(start, start + timedelta(days=days * 3 + 30))
    day = start
    if days == 0:
        while not is_working_day(day, overrides):
            day += timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, overrides):
            counted += 1
    return day


def due_date(received_at: datetime | date, working_days: int) -> date:
    """The due date of something received at `received_at` (any time zone), in Asia/Almaty.

    The count starts on the first working day after the day of receipt, so a request received
    on Friday evening or on Saturday with 1 working day is due on Monday (if Monday works).
    """
    return add_working_days(local_date(received_at), working_days)
