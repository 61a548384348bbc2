"""Queue the campaigns a marketer pressed "send" on (consent/marketing/campaigns.py): run by the
outbox's timer before the sender, outside any web request. One run at a time across hosts (a lock
of its own, consent/core/jobs.py); a run that dies goes on where it stopped the next time."""

from consent.core.jobs import JobCommand, Skipped, at_least_one, run_once
from consent.marketing.campaigns import CHUNK, queue_sending


class Command(JobCommand):
    help = "Queue the mails of the campaigns being sent, batch by batch; safe on every host."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=at_least_one, default=CHUNK,
                            help=f"People queued per transaction (default {CHUNK}).")  # fmt: skip

    def handle(self, *args, batch_size=CHUNK, **options):
        result = run_once("campaigns", None, lambda: queue_sending(batch_size))
        if isinstance(result, Skipped):
            self.stdout.write(f"skipped: {result}")
        else:
            self.stdout.write(f"queued {result}")
