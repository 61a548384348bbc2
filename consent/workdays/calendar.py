"""Kazakhstan working days: Monday to Friday, minus public holidays and days off moved by decree,
plus the weekend days those decrees make working (all three from the `holidays` package), with
staff overrides (CalendarOverride) for decrees it does not know yet."""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import local_date, local_today

from .models import CalendarOverride


def _holidays():
    """The `holidays` package, imported when a due date is first counted, not when Django starts:
    ~0.13 s of CPU that every command and worker paid, most of which never count a day."""
    import holidays

    return holidays


@lru_cache(maxsize=16)
def _decreed(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """The days off of `year` that fall on weekdays' places (public holidays, holidays moved off a
    weekend, days off moved by decree), and the weekend days of `year` a decree made working.

    A transfer decree has two halves: the day off it moves onto a weekday, and the weekend day it
    takes it from, which becomes a working day (e.g. Sunday 5 January 2025). The package files a
    transfer under the year of its day off, which may be the next one (3 January 2014 taken from
    Saturday 28 December 2013), so the next year is read too."""
    calendar = _holidays().KZ(years=(year, year + 1))
    days_off = frozenset(day for day in calendar if day.year == year)
    working_weekend = frozenset(day for day in calendar.weekend_workdays if day.year == year)
    return days_off, working_weekend


def estimated_days(year: int) -> list[date]:
    """The holidays of `year` whose date is only estimated: Kurban ait, whose first day is set
    each year by announcement (Labour Code Art. 84), and which the package computes ahead of
    it. Estimated days that staff have entered as overrides are confirmed, and left out."""
    named = _holidays().KZ(years=year, language="en_US")  # the package marks them "(estimated)"
    days = sorted(day for day, name in named.items() if "(estimated" in name)
    confirmed = set(CalendarOverride.objects.filter(date__in=days).values_list("date", flat=True))
    return [day for day in days if day not in confirmed]


class CountedDay(NamedTuple):
    """A day the calendar counts otherwise than Monday to Friday: `working` or a day off,
    `entered` as an exception by staff (else the `holidays` package's), `estimated` when the
    package only estimates it."""

    day: date
    working: bool
    entered: bool
    estimated: bool


def days_counted(year: int) -> list[CountedDay]:
    """Every weekday of `year` the calendar counts as a day off and every Saturday or Sunday it
    counts as a working day, with the staff's exceptions (which win), by date: what an officer
    compares with a decree moving days off, to enter only what the calendar does not know."""
    days_off, working_weekend = _decreed(year)
    estimated = set(estimated_days(year))
    found = {day: CountedDay(day, False, False, day in estimated)
             for day in days_off if day.weekday() < 5}  # fmt: skip
    found.update((day, CountedDay(day, True, False, False)) for day in working_weekend)
    for day, working in _overrides(date(year, 1, 1), date(year, 12, 31)).items():
        found[day] = CountedDay(day, working, True, False)
    return sorted(found.values())


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
    days_off, working_weekend = _decreed(day.year)
    if day.weekday() >= 5:
        return day in working_weekend
    return day not in days_off


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


def working_week(day: date) -> tuple[date, date, bool]:
    """The working days an officer plans on `day`, from the first to the last, and whether they
    are of this week: those left of `day`'s own Monday-to-Sunday week (`day` itself if it
    works), or, once none is left (a weekend, the days off that end a week), the working days
    of the week that comes next. Named «this week» on a Sunday, the coming Monday to Friday
    read as the week already over."""
    overrides = _overrides(day, day + timedelta(days=60))  # one query: the desk's every page
    start, this_week = day, True
    while True:
        sunday = start + timedelta(days=6 - start.weekday())
        left = [start + timedelta(days=n) for n in range((sunday - start).days + 1)]
        working = [one for one in left if is_working_day(one, overrides)]
        if working:
            return working[0], working[-1], this_week
        start, this_week = sunday + timedelta(days=1), False


def due_date(received_at: datetime | date, working_days: int) -> date:
    """The due date of something received at `received_at` (any time zone), in Asia/Almaty.

    The count starts on the first working day after the day of receipt, so a request received
    on Friday evening or on Saturday with 1 working day is due on Monday (if Monday works).
    """
    return add_working_days(local_date(received_at), working_days)


def first_known_day() -> date:
    """The first day whose holidays the calendar knows (the `holidays` package's first year for
    Kazakhstan): a deadline counted from an earlier day would skip no holiday at all."""
    return date(_holidays().KZ.start_year, 1, 1)


def check_countable(moment: datetime | date) -> None:
    """Refuse, in the staff member's language, a time typed as when something reached us or
    happened that no deadline can be counted from: one before the calendar's first day (a year
    mistyped, «0226» or «1026»). Such a request was opened overdue by centuries, and a day in
    the first hours of year 1, before year 1 in UTC, could not be stored at all: a 500. A day
    of the calendar itself (an exception staff enter) is held to the same first day: one
    before it changes no deadline, and the day the decree meant stays uncorrected."""
    first = first_known_day()
    if isinstance(moment, datetime):
        too_early = moment < timezone.make_aware(datetime.combine(first, time()))
    else:
        too_early = moment < first
    if too_early:
        raise ValidationError(
            _("Check the year: working days are counted from %(year)s on."),
            code="too_early",
            params={"year": first.year},
        )


# How far ahead a day of the calendar may be entered: a decree moves the days off of the year it
# is published for, and Kurban ait is announced for this year and the next (estimated_days); a
# later year is one mistyped («2226», «2062»), which no deadline reaches to correct.
YEARS_AHEAD = 2


def check_calendar_day(day: date) -> None:
    """Refuse, in the staff member's language, an exception to the calendar outside the years
    it can matter to: before the calendar's first day (check_countable) or after YEARS_AHEAD."""
    first, last = first_known_day(), date(local_today().year + YEARS_AHEAD, 12, 31)
    if not first <= day <= last:
        raise ValidationError(
            _("Check the year: an exception to the calendar can be entered for a day from "
              "%(first)s to %(last)s."),
            code="out_of_range",
            params={"first": first.year, "last": last.year},
        )  # fmt: skip
