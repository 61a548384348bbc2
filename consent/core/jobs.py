"""Periodic jobs run once per period, however many hosts (or hands) start them.

`run_once(job, period, work)` takes a lock of the job's own for the session (a PostgreSQL
advisory lock, `common.locks`; nothing to take on the demo's SQLite), so two runs never overlap
(the second returns at once), then runs `work()` only if no `JobRun` row says the job already
ran to the end for `period`, and writes that row when it did. A run that fails writes none: the
next start runs it again. The lock is the database's, so it holds across hosts and across
systemd's private /tmp.

The digest and retention are daily (`daily()`: the local date), so a second host's timer, or a
hand run, the same day does nothing. The intake has no period (`period=None`): its runs must not
overlap, but a run after another simply finds the mailbox read, and a hand run must still work.

Every scheduled command (each `manage.py` command a unit in docs/deploy/ starts) is a
`JobCommand`: it does not run on a database that lacks a migration of its code (the code put on
a host before `release` ran: README, Deploying, step 9), and a database that refuses its work
(down, unreachable, read-only after a failover, out of a resource: consent/common/refusals.py)
or the shared cache down (Redis not answering, refusing its password or its writes) stops it
with one line and exit status 1, which
the timer records, not a traceback. What it did is rolled back or was committed whole (each
job's unit of work is a transaction, and its `JobRun` row is written last), so the next start,
once the database takes it, does the work (tests/core/test_job_refusals.py).

No job runs on a host whose clock differs from the database server's (consent/common/clock.py):
it would run for the wrong day and date what it records wrongly. It stops with the message.
"""

from argparse import ArgumentTypeError
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from consent.common.clock import clock_wrong
from consent.common.dates import local_today
from consent.common.locks import session_unlock, try_session_lock
from consent.common.refusals import refusal
from consent.common.schema import code_ahead, migrations_lacking

from .models import JobRun

KEPT = timedelta(days=90)  # how long a run's record is kept


class Skipped(str):
    """Why a run did not happen (it is not an error: another host did or does the work)."""


RUNNING = Skipped("another run of this job is in progress")
DONE = Skipped("this job already ran for this period")


def at_least_one(value: str) -> int:
    """A `--batch-size` (argparse's type): a whole number of 1 or more. 0 had the mail sender and
    the campaigns' queuing do nothing each run, exit 0 («sent 0», «queued 0»), and a negative
    number stopped the sender on a traceback."""
    if not value.strip().isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def daily() -> str:
    """The period of a daily job: the local date (Asia/Almaty)."""
    return local_today().isoformat()


class JobCommand(BaseCommand):
    """A scheduled command (the module): a database refusing its work ends it with its one line
    (SystemExit: exit status 1, the line on stderr, as manage.py says it for any command)."""

    # A job runs only on the schema its code was written for: the timers start the new code
    # at their next run after it is put on a host, before `release` has migrated (README step
    # 9), and the web's refusal (emalu.E001) is at its start only. On the old schema a job
    # failed with a traceback each minute on a column the release adds, or ran its rules
    # without the rows a data migration adds (the intake's phrases: letters typed «other»).
    # The backup's record may: a dump is what one takes before a release.
    needs_current_schema = True

    def execute(self, *args, **options):
        try:
            if self.needs_current_schema and (lacking := migrations_lacking()):
                raise SystemExit(f"{self.name} not run: {code_ahead(lacking)}; the next start "
                                 "after it does the work")  # fmt: skip
            return super().execute(*args, **options)
        except Exception as error:  # the database's or the shared cache's refusal is one line
            if options.get("traceback") or not (refused := refusal(error, self.name)):
                raise
            raise SystemExit(refused) from None

    @property
    def name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]


def run_once(job: str, period: str | None, work: Callable[[], Any], whole=False) -> Any:
    """`work()`'s result, or a `Skipped` saying why it did not run. With `period` None, only
    one run at a time, each recorded. A host whose clock is wrong runs nothing (CommandError).
    `whole`: `work()` and its record in one transaction (the digest: mail queued by a run whose
    record could not be written would be queued again by the next)."""
    if wrong := clock_wrong():
        raise CommandError(f"{job} not run: {wrong}")
    if not try_session_lock(job):
        return RUNNING
    try:
        if period is not None and JobRun.objects.filter(job=job, period=period).exists():
            return DONE
        started = timezone.now()
        period = started.isoformat() if period is None else period
        with transaction.atomic() if whole else nullcontext():
            result = work()
            recorded(job, period, started)
        return result
    finally:
        session_unlock(job)


def recorded(job: str, period: str, started, finished=None) -> JobRun:
    """A run's row, written last, and the rows past KEPT gone: both or neither. A transaction of
    its own: a refused write leaves the session usable for the lock's release."""
    with transaction.atomic():
        run = JobRun.objects.create(job=job, period=period, started_at=started,
                                    finished_at=finished or timezone.now())  # fmt: skip
        JobRun.objects.filter(job=job, finished_at__lt=started - KEPT).delete()
    return run


BACKUP = "backup"  # the nightly dump (scripts/backup), recorded by `manage.py backup_recorded`


def run_recorded(job: str, at: datetime | None = None) -> JobRun:
    """Record that `job`, run outside this code (the nightly backup), went to the end now, or
    at `at` (a dump found written, which a database restored from it lacks) unless a later run
    is recorded: /healthz and the admin index count its age from it (`last_run`)."""
    at = min(at or timezone.now(), timezone.now())  # never later than now: /healthz trusts it
    if (last := last_run(job)) is not None and last.finished_at >= at:
        return last
    return recorded(job, at.isoformat(), at, at)


def last_run(job: str) -> JobRun | None:
    """The latest run of `job` that went to the end."""
    return JobRun.objects.filter(job=job).order_by("-finished_at").first()
