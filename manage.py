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

    # root has runuser on every Debian; sudo is not installed with a root password set.
    switch = f"runuser -u {name(owner)} --" if me == 0 else f"sudo -u {name(owner)}"
    return (
        f"manage.py runs as {name(me)}, but {here} belongs to {name(owner)}: run it as "
        f"{name(owner)} ({switch} sh -c 'set -a; . /etc/emalu/env; set +a; "
        f".venv/bin/python manage.py …'; README, Deploying, step 4). Nothing was run: files "
        f"written as {name(me)} (static files, catalogues) would be ones {name(owner)} cannot "
        "replace at the next release."
    )


# The MTA's pipe (docs/deploy/mta-pipe.md) reads any status but 0 and 75 (os.EX_TEMPFAIL, as
# consent/rights/management/commands/ingest_request_mail.py::TEMPFAIL) as the letter refused, and
# returns it to its sender: a start refused (run as another user, the environment not read, a
# variable malformed) is the host's fault, not the letter's, and the MTA keeps it for later.
PIPED = "ingest_request_mail"


def stop(refused: str) -> None:
    """Stop the command before it runs, with the one line that says why."""
    if sys.argv[1:2] == [PIPED]:
        print(refused, file=sys.stderr)
        sys.exit(os.EX_TEMPFAIL)
    sys.exit(refused)


if __name__ == "__main__":
    if refused := wrong_user():
        stop(refused)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emalu.settings")
    from emalu.start import loaded, loading

    loading()  # the settings, then the apps, load with the cycle collector paused (emalu/start.py)
    import django
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
        stop(f"{error}")
    # A command (a job, `release`, `migrate`) takes DATABASE_JOB_STATEMENT_TIMEOUT, not a page's.
    from emalu.db.process import commands_run_here

    commands_run_here()
    # A database that refuses (down, unreachable, read-only, out of a resource), or the shared
    # cache down, stops any command with one line, not a traceback (consent/common/refusals.py);
    # the scheduled jobs say the same from within (consent.core.jobs.JobCommand), for
    # call_command too.
    from consent.common.refusals import refusal

    try:
        django.setup()  # as execute_from_command_line does first (its own then only logs again)
        loaded()
        execute_from_command_line(sys.argv)
    except Exception as error:
        command = sys.argv[1] if len(sys.argv) > 1 else "manage.py"
        if "--traceback" in sys.argv or not (refused := refusal(error, command)):
            raise
        sys.exit(refused)
