from consent.common.dates import local_today
from consent.core.jobs import JobCommand, Skipped, daily, run_once
from consent.rights.digest import digest


class Command(JobCommand):
    help = (
        "Mail privacy officers the requests overdue, due today and due next, the breaches "
        "the regulator is still to hear of and the people retention left for them to decide "
        "(working days only); once a day, however many hosts start it."
    )

    def handle(self, *args, **options):
        sent = run_once("digest", daily(), lambda: digest(local_today()), whole=True)
        if isinstance(sent, Skipped):
            self.stdout.write(f"digest not run: {sent}")
            return
        self.stdout.write(f"digest emails queued: {sent}")
