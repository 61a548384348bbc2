import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage

# sysexits.h EX_TEMPFAIL: the MTA keeps the message and delivers it again later.
TEMPFAIL = 75


class Command(BaseCommand):
    help = "Open a request from one RFC 5322 message on standard input (for an MTA pipe)."

    def handle(self, *args, **options):
        try:
            result = ingest(sys.stdin.buffer.read())
        except DatabaseError as error:
            # Not even the quarantine could be written (the database is down): neither bounce
            # the message with the person's data nor drop it; the MTA retries.
            raise CommandError(
                f"database unavailable ({type(error).__name__})", returncode=TEMPFAIL
            ) from None
        if result is None:
            self.stdout.write("skipped (seen before)")
        elif isinstance(result, QuarantinedMessage):
            self.stdout.write(f"set aside as {result.reference} ({result.reason})")
        else:
            self.stdout.write(result.reference)
