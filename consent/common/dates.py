"""Legal dates are local dates in the site's time zone (TIME_ZONE, Asia/Almaty), never UTC ones.

A request received at 23:30 in Almaty is received that day, though it is still the day before
in UTC; a policy takes effect at midnight in Almaty, not at 05:00.

Where each form of a date is written, one rule: a text a person reads (a page, a PDF, and every
mail, a staff member's as well as a visitor's) writes the long date of its language,
document_time («2026 жылғы 4 желтоқсан», «4 декабря 2026 г.»): a mail is read away from the
site, forwarded and kept, and «04.12.2026» is the 12th of April to a reader used to another
order. The short numeric date, reader_time («04.12.2026»), is for columns compared and sorted,
and the desk's own short notes: the spreadsheets, the admin's lists, its panels' messages; a
record's own page writes its dates as the admin writes the others there, long. Templates write
them by the builtin filters `document_time`, `document_date` and `reader_time`
(emalu/templatetags/dates.py).
"""

from datetime import UTC, date, datetime, timedelta, tzinfo

from dateutil.relativedelta import relativedelta
from django.core import signing
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy

# The site's time zone as a reader names it: what a file says its times are in (TIME_ZONE is
# Asia/Almaty on every host; see settings.py).
LOCAL_ZONE_NAME = gettext_lazy("Almaty time")


def local_today() -> date:
    """Today in the site's time zone."""
    return timezone.localdate()


def signed_until(token: str, works: timedelta) -> datetime:
    """When an emailed link's `token` (django.core.signing.dumps) stops working: `works` after
    the moment it was signed, which is what `signing.loads(..., max_age=works)` checks. A mail
    names this moment, not «within 7 days», which leaves its reader to count from a day it does
    not name (and a mail written just after midnight would name the next day)."""
    signed = signing.b62_decode(token.rsplit(signing.Signer().sep, 2)[1])
    return datetime.fromtimestamp(signed, tz=UTC) + works


def received_time(moment: datetime | None) -> datetime:
    """When something reached us, as its deadline counts it: `moment`, never after now (a mail
    server's or a computer's clock ahead of ours would promise a deadline later than the law's);
    now when `moment` is None."""
    now = timezone.now()
    return now if moment is None else min(moment, now)


def local_date(moment: datetime | date) -> date:
    """The date of `moment` (an aware datetime, or already a date) in the site's time zone."""
    if isinstance(moment, datetime):
        return timezone.localdate(moment)
    if isinstance(moment, date):
        return moment
    raise TypeError(f"expected a date or datetime, got {type(moment).__name__}")


def local_midnight(day: date) -> datetime:
    """The moment `day` begins in the site's time zone: when a policy dated `day` takes effect."""
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def years_later(moment: datetime, years: int) -> datetime:
    """The same local date and time `years` on, in the site's time zone: what a term of years
    ends on. 29 February ends on 28 February in a year without one. A count of days missed
    the leap day (three years of 365 days ended a day early across 29.02.2028), and the date
    of a moment near local midnight is the next or the previous one in UTC."""
    return timezone.localtime(moment) + relativedelta(years=years)


def reader_time(
    moment: datetime | date | None, *, seconds: bool = False, zone: tzinfo | None = None
) -> str:
    """`moment` as a person writes it in the active language, short, for a spreadsheet's column
    (the register, the consent evidence's CSV) and the desk: an aware datetime as its date and
    24-hour time in the site's time zone (or `zone`), «30.11.2026 13:12», to the second with
    `seconds`; a date as «30.11.2026»; None as "". In the language's SHORT_DATETIME_FORMAT and
    SHORT_DATE_FORMAT (emalu/formats); the admin's own short times come from here too. A
    document for reading (a PDF) writes document_time's long date instead."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        local = timezone.localtime(moment, zone)
        if not seconds:
            return formats.date_format(local, "SHORT_DATETIME_FORMAT")
        return f"{formats.date_format(local, 'SHORT_DATE_FORMAT')} {local:%H:%M:%S}"
    if isinstance(moment, date):
        return formats.date_format(moment, "SHORT_DATE_FORMAT")
    raise TypeError(f"expected a date or datetime, got {type(moment).__name__}")


def document_time(
    moment: datetime | date | None, *, seconds: bool = False, zone: tzinfo | None = None
) -> str:
    """`moment` as a document written for a person reads it (the access answer's PDF, the
    consent evidence's PDF): the language's long local date, as the site's pages and letters
    write it, «2026 жылғы 4 желтоқсан, 21:35», «4 декабря 2026 г., 21:35» (DATETIME_FORMAT and
    DATE_FORMAT, emalu/formats), in the site's time zone (or `zone`), to the second with
    `seconds`; None as "". The short «04.12.2026 21:35» of reader_time stays the spreadsheets'
    and the desk's, whose columns are compared and sorted."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        local = timezone.localtime(moment, zone)
        shown = formats.get_format("DATETIME_FORMAT")
        # Each language's DATETIME_FORMAT ends with its minutes («H:i», «G:i»): the seconds follow.
        return formats.date_format(local, shown + ":s" if seconds else shown)
    if isinstance(moment, date):
        return formats.date_format(moment, "DATE_FORMAT")
    raise TypeError(f"expected a date or datetime, got {type(moment).__name__}")
