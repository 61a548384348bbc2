from consent.core.jobs import BACKUP, JobCommand, run_recorded


class Command(JobCommand):
    help = (
        "Record that the nightly backup (scripts/backup) has written its dump: /healthz names "
        "`backup` and the admin index warns when the last one is older than "
        "HEALTH_BACKUP_MAX_HOURS. Run by scripts/backup itself."
    )

    def handle(self, *args, **options):
        run = run_recorded(BACKUP)
        self.stdout.write(f"backup recorded at {run.finished_at.isoformat(timespec='seconds')}")
