import subprocess
import sys
from argparse import ArgumentTypeError
from contextlib import suppress

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils.dateparse import parse_datetime

from consent.common.clock import clock_wrong
from consent.common.dates import local_date, local_today
from consent.common.locks import session_unlock, try_session_lock
from consent.core.jobs import BACKUP, JobCommand, last_run, run_recorded


def aware_time(text: str):
    """A time with its offset, as `date --iso-8601=seconds` writes a file's."""
    at = parse_datetime(text)
    if at is None or at.tzinfo is None:
        raise ArgumentTypeError(f"not a time with its offset: {text!r}")
    return at


class Command(JobCommand):
    needs_current_schema = False  # the dump before a release is recorded too
    help = (
        "Record that the nightly backup (scripts/backup) has written its dump: /healthz names "
        "`backup` and the admin index warns when the last one is older than "
        "HEALTH_BACKUP_MAX_HOURS. Run by scripts/backup itself, first with --keep-days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days", action="store_true",
            help="Record nothing: print BACKUP_KEEP_DAYS as the site reads it (the days "
            "scripts/backup keeps each dump), once this host's clock agrees with the database "
            "server's, by which the script names the dump and ages the others (exit 1 if not).",
        )  # fmt: skip
        parser.add_argument(
            "--written", type=aware_time, metavar="TIME",
            help="Record a dump written at TIME (ISO 8601 with its offset: the day's dump the "
            "script finds), unless a later backup is recorded.",
        )  # fmt: skip
        parser.add_argument(
            "--dump-with", metavar="SCRIPT",
            help="Run `SCRIPT --dump` (scripts/backup's dump) and record it, under the backup's "
            "lock in the database, unless another host is taking the day's dump or recorded it.",
        )  # fmt: skip

    def handle(self, *args, keep_days=False, written=None, dump_with=None, **options):
        # A clock months ahead recorded a backup dated in the future, which /healthz counted as
        # fresh until that date, whatever failed meanwhile (the script, which names and ages the
        # dumps by this clock, asks first: a clock ahead deleted every dump as old).
        if wrong := clock_wrong():
            raise CommandError(f"backup not {'run' if keep_days else 'recorded'}: {wrong}")
        if keep_days:
            self.stdout.write(str(settings.BACKUP_KEEP_DAYS))
            return
        if dump_with:
            self.dump_once(dump_with)
            return
        run = run_recorded(BACKUP, written)
        self.stdout.write(f"backup recorded at {run.finished_at.isoformat(timespec='seconds')}")

    def dump_once(self, script):
        """The day's dump, taken by one host however many start it (each host's timer): the
        backup's lock held from before the dump to its record, which the next start, on any
        host, finds. A start while another host dumps, or once one recorded the day's, exits 0
        with a line saying so: the day's dump is that host's (in its BACKUP_DIR), and should it
        fail, the next hour's start takes it."""
        if not try_session_lock(BACKUP):
            self.stdout.write("backup not taken here: another host is taking the day's dump now")
            return
        try:
            last = last_run(BACKUP)
            if last and local_date(last.finished_at) == local_today():
                at = last.finished_at.isoformat(timespec="seconds")
                self.stdout.write(f"backup already taken today, recorded at {at} (by the host "
                                  "whose BACKUP_DIR holds it): none taken again")  # fmt: skip
                return
            sys.stdout.flush()
            if done := subprocess.run([script, "--dump"], check=False).returncode:  # noqa: S603
                raise SystemExit(done)
            try:
                run = run_recorded(BACKUP)
            except DatabaseError as error:
                raise SystemExit(
                    f"backup written but not recorded ({type(error).__name__}: {error}): "
                    "/healthz will name it as old; run `manage.py backup_recorded` once the "
                    "database answers"
                ) from None
            self.stdout.write(f"backup recorded at {run.finished_at.isoformat(timespec='seconds')}")
        finally:
            # The database gone: its session, and the lock, went with it.
            with suppress(DatabaseError):
                session_unlock(BACKUP)
