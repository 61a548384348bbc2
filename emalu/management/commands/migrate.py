import time

from django.core.management.commands import migrate

from consent.common.locks import try_session_lock
from emalu.db.base import as_owner

# One migrate at a time on a database, across hosts: `release` started on two at once.
LOCK = "migrate"
WAIT_SECONDS = 0.5  # between tries for the lock


class Command(migrate.Command):
    """Django's migrate, run as the database owner rather than the runtime role, one at a time:
    a second run waits for the first, then plans from what it applied (two runs planning together
    raced to create the same tables, and a data migration could run twice).

    The second run asks for the lock again and again rather than waiting inside one statement:
    a statement waiting is a transaction the server must see end, and CREATE INDEX CONCURRENTLY
    (a migration that keeps a large table open while its index is built) waits for every such
    transaction to end, so the first run waited for the second and the second for the first's
    lock: PostgreSQL broke the deadlock by failing one release."""

    def handle(self, *args, **options):
        with as_owner():  # its fresh connection, closed at the end, holds the lock till then
            while not try_session_lock(LOCK):
                time.sleep(WAIT_SECONDS)
            return super().handle(*args, **options)
