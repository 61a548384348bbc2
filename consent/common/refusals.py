"""The one line for a database that refuses a job's work, or "" for any other error: what every
`manage.py` command (manage.py) and every scheduled job (consent.core.jobs.JobCommand) stops
with, instead of a traceback through Django's database code in the journal.

Refusals are the database's state, not the code's fault: a connection refused, dropped or not
answered (SQLSTATE class 08, 57P shutting down, 28 a refused user, 3D no such database), the
server out of a resource (53: a disk full, memory or connections spent), and a read-only server
(25006: DATABASE_URL on a hot standby after a failover). A deadlock, a constraint or a bug is
none of these: its traceback is the report."""

import os
import sqlite3

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
    return (
        f"{command} stopped: the database could not be reached ({one_line(str(cause))}). Check "
        f"that PostgreSQL runs at {database_where(db)} and that DATABASE_URL (user "
        f"{db.get('USER')}, database {db.get('NAME')}; /etc/emalu/env) is right. What it was "
        f"doing then was rolled back: {again}"
    )
