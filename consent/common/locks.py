"""Named locks held by the database, the one home of PostgreSQL's advisory locks.

On PostgreSQL (production, several hosts) a name is an advisory lock: `try_session_lock` for a
job that must not overlap itself (held by the connection until `session_unlock`),
`transaction_lock` for a thing that has no row to lock yet (held until the transaction ends).

On SQLite (`make run`, the demo: one host) they lock nothing and always succeed. SQLite has no
advisory locks; it lets one transaction write at a time, and the demo's jobs run by hand one
after another, so there is no second host to keep out.
"""

import zlib

from django.db import connection

# "emal": keeps the site's keys apart from any other advisory lock taken on the database.
LOCK_SPACE = 0x656D616C << 32


def _advisory() -> bool:
    return connection.vendor == "postgresql"


def lock_key(name: str) -> int:
    """The advisory lock's number for `name` (64 bits, in the site's own space)."""
    return LOCK_SPACE | zlib.crc32(name.encode())


def try_session_lock(name: str) -> bool:
    """Take the lock `name` for this connection, without waiting: False when another holds it."""
    if not _advisory():
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key(name)])
        return cursor.fetchone()[0]


def session_unlock(name: str) -> None:
    """Let go of the lock `name` taken by `try_session_lock`."""
    if _advisory():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key(name)])


def transaction_lock(name: str) -> None:
    """Wait for the lock `name` and hold it until the current transaction ends."""
    if _advisory():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [name])
