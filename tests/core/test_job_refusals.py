"""The timers' jobs against a database that refuses: a failover's read-only standby (SQLSTATE
25006), a connection refused or dropped (08, 57P), a server out of a resource (53). Each died
with a traceback through Django's database code in the journal; now each stops with one line
naming the cause and exit status 1 (the timer records the failure), keeps nothing of the run,
and its next start, once the database takes writes, does the work (consent/core/jobs.py).

The read-only refusal is PostgreSQL's own (tests/site/test_database_read_only.py's standby);
the others are the driver's errors, raised at the job's first query."""

import re
from io import StringIO

import psycopg.errors
import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.db import IntegrityError, OperationalError, connection
from post_office import mail
from post_office.models import STATUS, Email

from consent.common.refusals import READ_ONLY
from consent.core.jobs import JobCommand
from consent.core.models import JobRun
from tests.live import ROOT
from tests.site.test_database_read_only import standby  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def scheduled_commands() -> set[str]:
    """Every `manage.py` command a unit in docs/deploy/ starts, directly or through a script."""
    started = []
    for unit in (ROOT / "docs" / "deploy").glob("*.service"):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                started.append(line)
                started += [(ROOT / s).read_text() for s in re.findall(r"app/(scripts/\w+)", line)]
    return set(re.findall(r"manage\.py (\w+)", "\n".join(started)))


def test_every_scheduled_command_stops_on_a_refusing_database_with_one_line():
    """A new job a unit starts is a JobCommand too, or this fails."""
    commands = scheduled_commands()
    assert {"send_queued_mail", "enforce_retention", "backup_recorded"} <= commands
    skipping = [
        name
        for name in commands
        if not isinstance(load_command_class(get_commands()[name], name), JobCommand)
    ]
    assert skipping == []


def run(*command):
    out = StringIO()
    call_command(*command, stdout=out)
    return out.getvalue()


@pytest.fixture
def queued(texts):
    """A mail in the outbox, queued while the database still took writes."""
    return mail.send("officer@example.kz", "noreply@example.kz", subject="s", message="m")


@pytest.mark.parametrize(
    "command",
    sorted(scheduled_commands() - {"fetch_request_mail"}),  # no mailbox here: the next test
)
def test_a_job_on_a_read_only_database_keeps_nothing_and_runs_next_time(command, queued, standby):  # noqa: F811
    with pytest.raises(SystemExit) as stopped:
        run(command)
    line = str(stopped.value.code)
    assert line.startswith(f"{command} stopped: {READ_ONLY} (SQLSTATE 25006).")
    assert "\n" not in line and "Traceback" not in line
    standby()  # the primary again
    assert JobRun.objects.count() == 0 and Email.objects.get().status == STATUS.queued
    run(command)
    done = Email.objects.get().status == STATUS.sent or JobRun.objects.exists()
    assert done


REFUSALS = {
    "08006": psycopg.errors.ConnectionFailure("server closed the connection unexpectedly"),
    "57P01": psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
    "53100": psycopg.errors.DiskFull("could not extend file: No space left on device"),
    "25006": psycopg.errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only tx"),
}


@pytest.mark.parametrize("state", REFUSALS)
@pytest.mark.parametrize("command", ["fetch_request_mail", "send_queued_mail"])
def test_a_job_whose_database_refuses_says_why_in_one_line(command, state, settings):
    settings.IMAP_URL = "imap://127.0.0.1:9/INBOX"

    def refuse(execute, sql, params, many, context):
        error = OperationalError(str(REFUSALS[state]))
        error.__cause__ = REFUSALS[state]
        raise error

    with connection.execute_wrapper(refuse), pytest.raises(SystemExit) as stopped:
        run(command)
    line = str(stopped.value.code)
    assert line.startswith(f"{command} stopped: the database ")
    assert ("\n" not in line and str(REFUSALS[state]) in line) or state == "25006"


def test_a_fault_of_the_code_keeps_its_traceback():
    """A constraint, a deadlock, a bug: not the database's state, and the trace is the report."""

    def fault(execute, sql, params, many, context):
        raise IntegrityError("duplicate key value violates unique constraint")

    with connection.execute_wrapper(fault), pytest.raises(IntegrityError):
        run("enforce_retention")
