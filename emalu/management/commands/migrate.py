import time

from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import OperationalError, connection

from consent.common.errors import sqlstate
from consent.common.locks import try_session_lock
from emalu.db.base import as_owner

# One migrate at a time on a database, across hosts: `release` started on two at once.
LOCK = "migrate"
WAIT_SECONDS = 0.5  # between tries for the lock

# How long a migration's statement waits for a table's lock, and how long migrate goes on trying
# again before it stops: every query the serving hosts make on that table queues behind the
# waiting ALTER TABLE (PostgreSQL grants locks in order), so a migration that waited for as
# long as the night's pg_dump held the table (or a long job or page) held every page reading it
# for as long, each cancelled by DATABASE_STATEMENT_TIMEOUT: the site answered 503. A try that
# gives up lets them through at once, and its migration is rolled back whole, to be tried again.
LOCK_TIMEOUT = "2s"
TRIES_FOR_SECONDS = 600
PAUSE_SECONDS = 5
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout's error
HOLDERS = """
SELECT DISTINCT a.pid, a.usename, a.application_name FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.granted AND l.relation IS NOT NULL AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY a.pid
"""


class Command(migrate.Command):
    """Django's migrate, run as the database owner rather than the runtime role, one at a time:
    a second run waits for the first, then plans from what it applied (two runs planning together
    raced to create the same tables, and a data migration could run twice).

    The second run asks for the lock again and again rather than waiting inside one statement:
    a statement waiting is a transaction the server must see end, and CREATE INDEX CONCURRENTLY
    (a migration that keeps a large table open while its index is built) waits for every such
    transaction to end, so the first run waited for the second and the second for the first's
    lock: PostgreSQL broke the deadlock by failing one release.

    A migration in a transaction waits at most LOCK_TIMEOUT for a table another session holds
    (the backup's pg_dump, a long job), then is rolled back and tried again PAUSE_SECONDS later,
    saying who holds it, for TRIES_FOR_SECONDS; then migrate stops, exit 1, having applied
    the migrations before it. One outside a transaction (CREATE INDEX CONCURRENTLY) waits
    without a limit: it holds no page back, and cut short it would leave an invalid index."""

    def handle(self, *args, **options):
        with as_owner():  # its fresh connection, closed at the end, holds the lock till then
            while not try_session_lock(LOCK):
                time.sleep(WAIT_SECONDS)
            give_up = time.monotonic() + TRIES_FOR_SECONDS
            while True:
                self._lock_timeout(LOCK_TIMEOUT)
                try:
                    return super().handle(*args, **options)
                except OperationalError as error:
                    if sqlstate(error) != LOCK_NOT_AVAILABLE:
                        raise
                    held = self._held_by()
                    if time.monotonic() > give_up:
                        raise CommandError(
                            f"a migration waited {TRIES_FOR_SECONDS // 60} minutes for a table "
                            f"other sessions hold ({held}): nothing of it was applied, and the "
                            "site went on serving. Run it again once they end (a backup's "
                            "pg_dump: after it is written)."
                        ) from None
                    self.stderr.write(
                        f"\n  a table this migration changes is held by another session "
                        f"({held}); the site's queries go on meanwhile, and the migration, "
                        f"rolled back, is tried again in {PAUSE_SECONDS} s"
                    )
                    time.sleep(PAUSE_SECONDS)

    def migration_progress_callback(self, action, migration=None, fake=False):
        if action in ("apply_start", "unapply_start") and not fake:
            self._lock_timeout(LOCK_TIMEOUT if migration.atomic else "0")
        elif action in ("apply_success", "unapply_success"):
            self._lock_timeout(LOCK_TIMEOUT)
        super().migration_progress_callback(action, migration, fake)

    @staticmethod
    def _lock_timeout(value):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('lock_timeout', %s, false)", [value])

    @staticmethod
    def _held_by():
        if connection.vendor != "postgresql":
            return "another session"
        with connection.cursor() as cursor:
            cursor.execute(HOLDERS)
            rows = cursor.fetchall()
        return ", ".join(f"pid {pid}: {user} {app or ''}".strip() for pid, user, app in rows) or (
            "a session since ended"
        )
