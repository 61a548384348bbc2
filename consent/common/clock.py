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
_lately: tuple[float, str] | None = None


def clock_wrong_lately() -> str:
    """clock_wrong(), compared with the database at most once every CHECK_EVERY seconds in this
    process: a web worker's posts ask it. A database that does not answer is no answer here:
    the request that needs it answers 503 itself."""
    global _lately
    if _lately is not None and time.monotonic() - _lately[0] < CHECK_EVERY:
        return _lately[1]
    try:
        wrong = clock_wrong()
    except DatabaseError:
        return ""
    _lately = (time.monotonic(), wrong)
    return wrong
