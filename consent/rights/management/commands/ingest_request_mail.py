import sys

from django.core.management.base import BaseCommand

from consent.rights.intake import ingest


class Command(BaseCommand):
    help = "Open a request from one RFC 5322 message on standard input (for an MTA pipe)."

    def handle(self, *args, **options):
        request = ingest(sys.stdin.buffer.read())
        self.stdout.write(request.reference if request else "skipped (seen before or no sender)")
