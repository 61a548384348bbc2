from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.dateparse import parse_datetime

from consent.common.clock import clock_wrong
from consent.core.jobs import BACKUP, JobCommand, run_recorded


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

    def handle(self, *args, keep_days=False, written=None, **options):
        # A clock months ahead recorded a backup dated in the future, which /healthz counted as
        # fresh until that date, whatever failed meanwhile (the script, which names and ages the
        # dumps by this clock, asks first: a clock ahead deleted every dump as old).
        if wrong := clock_wrong():
            raise CommandError(f"backup not {'run' if keep_days else 'recorded'}: {wrong}")
        if keep_days:
            self.stdout.write(str(settings.BACKUP_KEEP_DAYS))
            return
        run = run_recorded(BACKUP, written)
        self.stdout.write(f"backup recorded at {run.finished_at.isoformat(timespec='seconds')}")
