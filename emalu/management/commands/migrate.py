import zlib

from django.core.management.commands import migrate
from django.db import connection

from consent.core.jobs import LOCK_SPACE
from emalu.db.base import as_owner

# One migrate at a time on a database, across hosts: `release` started on two at once.
LOCK = LOCK_SPACE | zlib.crc32(b"migrate")


class Command(migrate.Command):
    """Django's migrate, run as the database owner rather than the runtime role, one at a time:
    a second run waits for the first, then plans from what it applied (two runs planning together
    raced to create the same tables, and a data migration could run twice)."""

    def handle(self, *args, **options):
        with as_owner():  # its fresh connection, closed at the end, holds the lock till then
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
            return super().handle(*args, **options)
