from consent.core.jobs import JobCommand, Skipped, daily, run_once
from consent.rights.guardianship import outgrown_requests_close


class Command(JobCommand):
    help = (
        "Close every open request a parent asked for a child who is 18 now (Asia/Almaty), "
        "telling the parent. Once a day, just after midnight, however many hosts start it."
    )

    def handle(self, *args, **options):
        closed = run_once("outgrown", daily(), outgrown_requests_close)
        if isinstance(closed, Skipped):
            self.stdout.write(f"outgrown requests not closed: {closed}")
            return
        self.stdout.write(f"closed {len(closed)} requests of parents for children now 18")
