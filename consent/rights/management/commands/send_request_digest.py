from django.core.management.base import BaseCommand

from consent.common.dates import local_today
from consent.core.jobs import job_run
from consent.rights.alerts import digest


class Command(BaseCommand):
    help = "Mail privacy officers the requests overdue, due today and due next (working days only)."

    def handle(self, *args, **options):
        with job_run("digest"):
            sent = digest(local_today())
        self.stdout.write(f"digest emails queued: {sent}")
