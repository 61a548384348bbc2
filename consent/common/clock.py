"""Whether this host's clock agrees with the database server's, the one clock every app host
shares. Every legal moment is read from the host's own clock (a request's receipt and so its
due date, a consent's time in the ledger, the day a daily job runs for): a host whose clock was
hours off recorded a request received on the wrong day, and ran the next day's retention and
digest early, while every check and /healthz said all was well.

Checked where a wrong clock does lasting harm: the daily and intake jobs refuse to run
(consent/core/jobs.py), `check --deploy` refuses the start of the site and the release
(consent/core/checks.py), /healthz names `clock` (emalu/health.py), and a clock that drifts
after the site started stops its writes (`clock_wrong_lately`, emalu/middleware.py): what a
form, a request or a staff action records is dated by this clock, and no job is there to refuse.
"""

import time
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone


def clock_offset() -> timedelta:
    """How far this host's clock is ahead of the database server's (negative: behind). On
    SQLite (`make run`) the database is on this host: nothing to compare."""
    if connection.vendor != "postgresql":
        return timedelta(0)
    before = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")  # the server's clock now, not the transaction's
        server = cursor.fetchone()[0]
    after = timezone.now()
    return before + (after - before) / 2 - server


def about_now(at: datetime | None) -> bool:
    """Whether a question about `at` is one about now (None, or a moment nearer now than two
    hosts' clocks may be apart: each within HOST_CLOCK_TOLERANCE of the database server's). What
    a host whose clock runs ahead records, it dates in the others' future: asked about now, a
    row is read whatever time it carries (the ledger's latest word, a text published), and only
    a question about a moment further back reads the rows dated up to it."""
    spread = 2 * (settings.HOST_CLOCK_TOLERANCE or timedelta(0))
    return at is None or at >= timezone.now() - spread


def clock_wrong(offset: timedelta | None = None) -> str:
    """What the operator must be told when the clocks differ by more than
    HOST_CLOCK_TOLERANCE (settings; None in the tests, which move this host's clock alone), or
    ""."""
    tolerance = settings.HOST_CLOCK_TOLERANCE
    if tolerance is None:
        return ""
    offset = clock_offset() if offset is None else offset
    if abs(offset) <= tolerance:
        return ""
    minutes = round(abs(offset).total_seconds() / 60)
    way = "ahead of" if offset > timedelta(0) else "behind"
    return (
        f"This host's clock is {minutes // 60} h {minutes % 60} min {way} the database "
        f"server's: every date it records (a request's receipt and due date, a consent's time, "
        f"the day a daily job runs for) would be wrong. Set the clock of whichever is wrong and "
        f"keep it synchronised (`timedatectl` on each: System clock synchronized: yes; README, "
        f"Adding a host, step 4)."
    )


CHECK_EVERY = 60  # seconds between a web process's comparisons (time.monotonic: no wall clock)


class Compared(NamedTuple):
    """This process's latest comparison with the database server's clock."""

    at: float  # time.monotonic() when made
    offset: timedelta  # this host's clock ahead of the server's (clock_offset)
    wrong: str  # what clock_wrong said of it


_lately: Compared | None = None


def _compared_lately() -> Compared | None:
    """This process's comparison with the database server's clock, made again once it is
    CHECK_EVERY seconds old; None in the tests (HOST_CLOCK_TOLERANCE None), which move this
    host's clock alone. A database that does not answer is asked again only CHECK_EVERY later
    (a form page must not wait on it each time), the offset found before kept meanwhile."""
    global _lately
    if settings.HOST_CLOCK_TOLERANCE is None:  # asked first: no comparison applies, not even one
        return None  # made while the check was on (a test turning it on for itself)
    if _lately is not None and time.monotonic() - _lately.at < CHECK_EVERY:
        return _lately
    try:
        offset = clock_offset()
    except DatabaseError:
        _lately = Compared(time.monotonic(), _lately.offset if _lately else timedelta(0), "")
        return _lately
    _lately = Compared(time.monotonic(), offset, clock_wrong(offset))
    return _lately


def clock_wrong_lately() -> str:
    """clock_wrong(), compared with the database at most once every CHECK_EVERY seconds in this
    process: a web worker's posts ask it. A database that does not answer is no answer here:
    the request that needs it answers 503 itself."""
    compared = _compared_lately()
    return compared.wrong if compared else ""


def shared_time() -> float:
    """time.time() by the database server's clock, the one every host shares (this host's own
    corrected by the offset compared lately): for a moment one host notes and another reads
    back. The form's token is dated when the page is shown, by the host that shows it, and its
    fill time read by the host the post reaches: a host 40 s ahead (within
    HOST_CLOCK_TOLERANCE, so it serves and /healthz says its clock is well) had every form it
    showed refused by the others as «sent too quickly» for a person who took under 40 s more
    than FORM_MIN_FILL_SECONDS."""
    compared = _compared_lately()
    return time.time() - (compared.offset.total_seconds() if compared else 0)
