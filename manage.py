#!/usr/bin/env python
import os
import sys
from importlib import import_module


def wrong_user():
    """Why this user may not run manage.py here, or "". The code's owner (emalu, README,
    Deploying, step 3) runs every command: one run as root (or anyone else) left static files,
    their folders and catalogues that owner could not replace, and the next `release` stopped
    at collectstatic on a PermissionError naming a file, long after the mistake."""
    if not hasattr(os, "geteuid"):
        return ""
    import pwd

    here = os.path.dirname(os.path.abspath(__file__))
    owner, me = os.stat(here).st_uid, os.geteuid()
    if owner == me:
        return ""

    def name(uid):
        try:
            return pwd.getpwuid(uid).pw_name
        except KeyError:
            return str(uid)

    return (
        f"manage.py runs as {name(me)}, but {here} belongs to {name(owner)}: run it as "
        f"{name(owner)} (sudo -u {name(owner)} sh -c 'set -a; . /etc/emalu/env; set +a; "
        f".venv/bin/python manage.py …'; README, Deploying, step 4). Nothing was run: files "
        f"written as {name(me)} (static files, catalogues) would be ones {name(owner)} cannot "
        "replace at the next release."
    )


def database_unreachable(error):
    """The one line for a database that refused or dropped the connection (PostgreSQL down, a
    wrong host, port, user or database in DATABASE_URL), or "" for any other error. Every job
    met it with a traceback through Django's connection code, its one useful line at the bottom
    and nothing on what to do; the password is not in it."""
    import sqlite3

    import psycopg
    import psycopg.errors
    from django.conf import settings
    from django.db import InterfaceError, OperationalError

    from emalu.checks import database_where, one_line

    cause = error.__cause__
    db = settings.DATABASES["default"]
    if isinstance(cause, sqlite3.OperationalError) and "unable to open" in str(cause):
        # The local SQLite file (DEBUG, `make run`) in a folder that does not exist: a fresh
        # clone has no var/ until `make run` makes it.
        folder = os.path.dirname(str(db.get("NAME")))
        return (
            f"{sys.argv[1] if len(sys.argv) > 1 else 'manage.py'} stopped: the SQLite database "
            f"{db.get('NAME')} could not be opened ({cause}). Make its folder (mkdir -p "
            f"{folder}; `make run` does) or name another in DATABASE_URL, and run it again."
        )
    # The connection's own faults: no answer in time, a refusal, or what the server says of
    # the connection (SQLSTATE 08 connection, 28 authorisation, 3D no such database, 57P
    # shutting down). Not a deadlock, a constraint or a bug: its traceback is the report.
    connecting = type(cause) in (psycopg.OperationalError, psycopg.InterfaceError) or (
        isinstance(cause, psycopg.errors.ConnectionTimeout)
        or (getattr(cause, "sqlstate", None) or "").startswith(("08", "28", "3D", "57P"))
    )
    if not isinstance(error, OperationalError | InterfaceError) or not connecting:
        return ""
    where, reason = database_where(db), one_line(str(cause))
    return (
        f"{sys.argv[1] if len(sys.argv) > 1 else 'manage.py'} stopped: the database could not "
        f"be reached ({reason}). Check that PostgreSQL runs at {where} and that DATABASE_URL "
        f"(user {db.get('USER')}, database {db.get('NAME')}; /etc/emalu/env) is right. What it "
        "was doing then was rolled back: run it again once the database answers (--traceback "
        "for the trace)."
    )


if __name__ == "__main__":
    if refused := wrong_user():
        sys.exit(refused)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emalu.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.core.management.base import CommandParser, handle_default_options

    # The settings read the environment (/etc/emalu/env): a variable missing or malformed stops
    # every command (release, the timers' jobs, emalu.service's check) with the one line that
    # names it (emalu/env.py), not a traceback through Django's start-up that buries it. The
    # settings module is the one Django would load: --settings as Django reads it, first.
    parser = CommandParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--settings")
    parser.add_argument("--pythonpath")
    handle_default_options(parser.parse_known_args(sys.argv[2:])[0])
    try:
        import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as error:
        sys.exit(f"{error}")
    # A command (a job, `release`, `migrate`) takes DATABASE_JOB_STATEMENT_TIMEOUT, not a page's.
    from emalu.db.process import commands_run_here

    commands_run_here()
    try:
        execute_from_command_line(sys.argv)
    except Exception as error:
        if "--traceback" in sys.argv or not (unreachable := database_unreachable(error)):
            raise
        sys.exit(unreachable)
