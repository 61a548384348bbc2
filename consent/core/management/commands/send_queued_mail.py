"""Deliver the outbox: replaces post_office's command of the same name (this app comes first in
INSTALLED_APPS), whose lock was a file in /tmp. Any number may run at once, on any host
(consent/core/delivery.py)."""

from consent.core.delivery import send_queued
from consent.core.jobs import JobCommand


class Command(JobCommand):
    help = "Send the due mail of the outbox; any number of senders may run at once, on any host."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, help="Messages claimed per transaction "
                            "(default: post_office's BATCH_SIZE, 100).")  # fmt: skip
        parser.add_argument("-l", "--log-level", type=int,
                            help='"0" logs nothing, "1" failures, "2" every attempt')  # fmt: skip
        # Accepted and ignored, so that units written for post_office's command keep working.
        parser.add_argument("-p", "--processes", type=int, help="Ignored: start more senders.")
        parser.add_argument("-L", "--lockfile", help="Ignored: senders lock rows, not a file.")

    def handle(self, *args, batch_size=None, log_level=None, **options):
        sent, failed = send_queued(batch_size, log_level)
        self.stdout.write(f"sent {sent}, not sent {failed}")
