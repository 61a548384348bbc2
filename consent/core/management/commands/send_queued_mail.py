"""Deliver the outbox: replaces post_office's command of the same name (this app comes first in
INSTALLED_APPS), whose lock was a file in /tmp. Any number may run at once, on any host
(consent/core/delivery.py).

A run that sent nothing because the relay refused (it could not be reached, refused the site,
dropped the connection, or refused every mail it was offered for a reason not of their addresses)
ends with one line naming the relay and exit status 1, after what it did is recorded: every mail
stays due, none is lost or sent twice, and emalu-mail.service shows as failed in `systemctl
--failed` until a run delivers again (its timer starts it each minute all the same). It exited 0
with «sent 0, not sent 100», and only /healthz said so, half an hour on. A run that sent nothing
because the site held its mail back (core.withheld), or because the relay refused an address, is no
failure."""

from consent.core.delivery import send_queued
from consent.core.jobs import JobCommand, at_least_one


class Command(JobCommand):
    help = "Send the due mail of the outbox; any number of senders may run at once, on any host."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=at_least_one, help="Messages claimed per "
                            "transaction (default: post_office's BATCH_SIZE, 100).")  # fmt: skip
        parser.add_argument("-l", "--log-level", type=int,
                            help='"0" logs nothing, "1" failures, "2" every attempt')  # fmt: skip
        # Accepted and ignored, so that units written for post_office's command keep working.
        parser.add_argument("-p", "--processes", type=int, help="Ignored: start more senders.")
        parser.add_argument("-L", "--lockfile", help="Ignored: senders lock rows, not a file.")

    def handle(self, *args, batch_size=None, log_level=None, **options):
        run = send_queued(batch_size, log_level)
        sent, not_sent = run
        if run.refused:
            raise SystemExit(
                f"{self.name}: sent 0, not sent {not_sent}: {run.refused}; every "
                "mail stays due for the next run (check the relay and EMAIL_URL)"
            )
        self.stdout.write(f"sent {sent}, not sent {not_sent}")
