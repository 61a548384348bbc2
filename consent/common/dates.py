"""Legal dates are local dates in the site's time zone (TIME_ZONE, Asia/Almaty), never UTC ones.

A request received at 23:30 in Almaty is received that day, though it is still the day before
in UTC; a policy takes effect at midnight in Almaty, not at 05:00.
"""

from datetime import date, datetime

from django.utils import timezone


def local_today() -> date:
    """Today in the site's time zone."""
    return timezone.localdate()


def local_date(moment: datetime | date) -> date:
    """The date of `moment` (an aware datetime, or already a date) in the site's time zone."""
    if isinstance(moment, datetime):
        return timezone.localdate(moment)
    if isinstance(moment, date):
        return moment
    raise TypeError(f"expected a date or datetime, got {type(moment).__name__}")
