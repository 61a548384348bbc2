from django.conf import settings
from django.core.management.base import CommandError

from consent.common.clock import clock_wrong
from consent.core.jobs import BACKUP, JobCommand, run_recorded


class Command(JobCommand):
    needs_current_schema = False  # the dump before a release is recorded too
    help = (
        "Record that the nightly backup (scripts/backup) has written its dump: /healthz names "
        "`backup` and the admin index warns when the last one is older than "
        "HEALTH_BACKUP_MAX_HOURS. Run by scripts/backup itself, first with --clock-only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clock-only", action="store_true",
            help="Record nothing: refuse (exit 1) when this host's clock is off the database "
            "server's, by which scripts/backup names the dump and ages the others, else print "
            "BACKUP_KEEP_DAYS as the site reads it (the days the script keeps each dump).",
        )  # fmt: skip

    def handle(self, *args, clock_only=False, **options):
        # A clock months ahead recorded a backup dated in the future, which /healthz counted as
        # fresh until that date, whatever failed meanwhile (the script, which names and ages the
        # dumps by this clock, asks first: a clock ahead deleted every dump as old).
        if wrong := clock_wrong():
            raise CommandError(f"backup not {'run' if clock_only else 'recorded'}: {wrong}")
        if clock_only:
            self.stdout.write(str(settings.BACKUP_KEEP_DAYS))
            return
        run = run_recorded(BACKUP)
        self.stdout.write(f"backup recorded at {run.finished_at.isoformat(timespec='seconds')}")
