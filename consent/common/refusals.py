"""The one line for a database that refuses a job's work, or "" for any other error: what every
`manage.py` command (manage.py) and every scheduled job (consent.core.jobs.JobCommand) stops
with, instead of a traceback through Django's database code in the journal.

Refusals are the database's state, not the code's fault: a connection refused, dropped or not
answered (SQLSTATE class 08, 57P shutting down, 28 a refused user, 3D no such database), the
server out of a resource (53: a disk full, memory or connections spent), and a read-only server
(25006: DATABASE_URL on a hot standby after a failover). A deadlock, a constraint or a bug is
none of these: its traceback is the report. The shared cache down (Redis not answering,
refusing its password or its writes) is one line too (cache_refusal)."""

import os
import re
import sqlite3
import sys
from urllib.parse import urlsplit

import psycopg
import psycopg.errors
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError

from .errors import sqlstate

# PostgreSQL refusing every write (read_only_sql_transaction): a hot standby (a failover that
# moved the primary, a standby not yet promoted) or default_transaction_read_only. The web
# answers it 503 with one ERROR line (emalu/errors.py), /healthz names it (emalu/health.py).
READ_ONLY_STATE = "25006"
READ_ONLY = (
    "the database is read-only (a hot standby, or default_transaction_read_only): point "
    "DATABASE_URL at the primary, or promote this server"
)
CONNECTION_STATES = ("08", "28", "3D", "57P")
RESOURCE_STATES = ("53",)


# PostgreSQL answered the connection and refused the login (libpq's «FATAL:», the server's
# words): a role without LOGIN (README step 2 run with CREATE ROLE … NOLOGIN, or a role made
# before it), a wrong password, a role or database not there, no pg_hba.conf line for the host.
# Each was said as «could not be reached … check that PostgreSQL runs»: the operator looked for
# a server that was running. Matched by the server's English words (lc_messages' default); a
# server speaking another language gets the line as before.
NO_LOGIN = re.compile(r'role "([^"]+)" is not permitted to log in')
LOGIN_REFUSALS = (
    "is not permitted to log in",
    "password authentication failed",
    "does not exist",
    "no pg_hba.conf entry",
)


def login_refused(error: BaseException) -> str:
    """What to do, with the server's words, when PostgreSQL answered and refused DATABASE_URL's
    login; "" for anything else (not reached, shutting down, too many clients)."""
    cause = error.__cause__ or error
    text = one_line(str(cause))
    if not isinstance(cause, psycopg.OperationalError) or "FATAL:" not in text:
        return ""
    said = text.split("FATAL:", 1)[1].strip()
    if not any(words in said for words in LOGIN_REFUSALS):
        return ""
    db = settings.DATABASES["default"]
    if db.get("PASSWORD"):
        said = said.replace(db["PASSWORD"], "***")
    if role := NO_LOGIN.search(said):
        remedy = (
            f"give it one, as postgres: ALTER ROLE {role[1]} LOGIN PASSWORD '…', the password "
            "DATABASE_URL gives (README, Deploying, step 2)"
        )
    else:
        remedy = (
            "correct DATABASE_URL's user, password or database in /etc/emalu/env, or make them "
            "as README, Deploying, step 2 does (another host: its pg_hba.conf line, Adding a "
            "host, step 1)"
        )
    return (
        f"PostgreSQL at {database_where(db)} answered and refused DATABASE_URL's login (user "
        f"{db.get('USER')}, database {db.get('NAME')}): {said}; {remedy}"
    )


# How emalu/db/base.py begins its refusal of the runtime role (a DATABASE_APP_ROLE the login
# may not take): the database answered, so it is not said to be unreachable.
ROLE_REFUSED = "DATABASE_APP_ROLE: "


def role_refusal(error: BaseException) -> str:
    """The backend's refusal of the runtime role on one line, if `error` is it, else ""."""
    cause = error.__cause__ or error
    if isinstance(cause, psycopg.OperationalError) and str(cause).startswith(ROLE_REFUSED):
        return one_line(str(cause))
    return ""


def database_where(db: dict) -> str:
    """Where a DATABASES entry looks for its server, as an operator checks it."""
    return f"{db.get('HOST') or 'the local socket'}:{db.get('PORT') or 5432}"


def one_line(text: str) -> str:
    """A driver's message, which may run over several lines, on one."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def database_refusal(error: BaseException, command: str) -> str:
    """`command`'s one line for `error` if it is the database refusing (the module), else ""."""
    cause, db = error.__cause__, settings.DATABASES["default"]
    if isinstance(cause, sqlite3.OperationalError) and "unable to open" in str(cause):
        # The local SQLite file (DEBUG, `make run`) in a folder that does not exist: a fresh
        # clone has no var/ until `make run` makes it.
        folder = os.path.dirname(str(db.get("NAME")))
        return (
            f"{command} stopped: the SQLite database {db.get('NAME')} could not be opened "
            f"({cause}). Make its folder (mkdir -p {folder}; `make run` does) or name another "
            "in DATABASE_URL, and run it again."
        )
    if not isinstance(error, DatabaseError):
        return ""
    state, again = (
        sqlstate(error),
        "run it again once the database answers (--traceback for the trace).",
    )
    if state == READ_ONLY_STATE:
        return (
            f"{command} stopped: {READ_ONLY} (SQLSTATE {state}). Nothing of this run was kept: "
            "it runs again at its next start, once the database takes writes."
        )
    if state.startswith(RESOURCE_STATES):
        return (
            f"{command} stopped: the database server is out of a resource (a disk full, "
            f"memory or connections spent; SQLSTATE {state}: {one_line(str(cause))}). What it "
            f"was doing then was rolled back: {again}"
        )
    connecting = type(cause) in (psycopg.OperationalError, psycopg.InterfaceError) or (
        isinstance(cause, psycopg.errors.ConnectionTimeout) or state.startswith(CONNECTION_STATES)
    )
    if not isinstance(error, OperationalError | InterfaceError) or not connecting:
        return ""
    if role := role_refusal(error):
        # It said «the database could not be reached … check that PostgreSQL runs»: it runs,
        # and refused the role.
        return f"{command} stopped: {role}. Nothing was run: run it again once it may."
    if login := login_refused(error):
        return f"{command} stopped: {login}. Nothing was run: run it again once it may."
    return (
        f"{command} stopped: the database could not be reached ({one_line(str(cause))}). Check "
        f"that PostgreSQL runs at {database_where(db)} and that DATABASE_URL (user "
        f"{db.get('USER')}, database {db.get('NAME')}; /etc/emalu/env) is right. What it was "
        f"doing then was rolled back: {again}"
    )


# The shared cache (Redis, CACHE_URL): the web answers it down 503 (emalu/errors.py), and a job
# stops with its one line (cache_refusal), as for the database. The client is looked up only
# if the cache has loaded it: a site on another cache never imports it, and an exception of a
# module never imported cannot have been raised.


def cache_down(error: BaseException | None) -> bool:
    """Whether `error` is the shared cache not answering within its timeouts, refusing
    CACHE_URL's password, or taking no write (cache_refused): a service down, not a fault of
    the code."""
    redis = sys.modules.get("redis.exceptions")
    return redis is not None and (
        isinstance(error, redis.ConnectionError | redis.TimeoutError) or cache_refused(error)
    )


def cache_refused(exception: BaseException | None) -> bool:
    """Whether Redis answered but took no write: its memory full (`maxmemory` with the default
    `noeviction`: «OOM»), its snapshot not saved, a disk full (Debian's default
    `stop-writes-on-bgsave-error`: «MISCONF»), or a replica («READONLY»). Each form page was a
    500, «the error has been recorded», and a mail to ADMINS, while /healthz named the cache."""
    redis = sys.modules.get("redis.exceptions")
    if redis is None or not isinstance(exception, redis.ResponseError):
        return False
    refusals = redis.OutOfMemoryError | redis.ReadOnlyError
    return isinstance(exception, refusals) or str(exception).startswith("MISCONF")


def cache_password_refused(exception: BaseException | None) -> str:
    """What is wrong when Redis answered but refused CACHE_URL's password, or asks for one
    (`requirepass`) that CACHE_URL does not give; "" for any other fault. Redis's own words
    («HELLO must be called with the client already authenticated…») came after «could not be
    reached», at the start and in each 503's line, and the operator looked for Redis down."""
    redis = sys.modules.get("redis.exceptions")
    if redis is None or not isinstance(exception, redis.AuthenticationError):
        return ""
    given = urlsplit(str(settings.CACHES["default"].get("LOCATION", ""))).password
    wrong = "refused CACHE_URL's password" if given else "asks for a password CACHE_URL lacks"
    return (
        f"Redis answered, but {wrong}: give it Redis's requirepass, redis://:password@host:6379/1"
    )


def cache_refusal(error: BaseException, command: str) -> str:
    """`command`'s one line for `error` if it is the shared cache down (cache_down), else "".
    A request mailed in while Redis restarted was set aside as «the database refused to store
    it» (its confirmation mail and the officers' notice are counted in the cache), and a job
    ended on Redis's traceback."""
    if not cache_down(error):
        return ""
    reason = f"{type(error).__name__}: {one_line(str(error))}"
    if cache_refused(error):
        what = f"refused to store ({reason})"
    elif password := cache_password_refused(error):
        what = password
    else:
        what = f"could not be reached ({reason})"
    return (
        f"{command} stopped: the shared cache (CACHE_URL) {what}. What it was doing then was "
        "rolled back: run it again once Redis answers (--traceback for the trace)."
    )


def refusal(error: BaseException, command: str) -> str:
    """`command`'s one line for the database or the shared cache refusing, else ""."""
    return database_refusal(error, command) or cache_refusal(error, command)
