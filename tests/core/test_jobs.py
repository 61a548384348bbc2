"""Issue 19, item 1: the digest, retention and intake run once per period however many hosts
start them (consent/core/jobs.py)."""

import imaplib
import itertools
import os
import ssl
import subprocess
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from consent.common.locks import lock_key
from consent.core import jobs
from consent.core.models import JobRun
from tests.live import PYTHON, ROOT, dovecot, live_database, query
from tests.rights.conftest import message

pytestmark = pytest.mark.django_db
COMMANDS = {"digest": ["send_request_digest"], "retention": ["enforce_retention"]}


def run(*command):
    out = StringIO()
    call_command(*command, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("job", COMMANDS)
def test_a_daily_job_runs_once_a_day(job):
    assert "not run" not in run(*COMMANDS[job])
    assert run(*COMMANDS[job]) == f"{job} not run: this job already ran for this period\n"
    assert JobRun.objects.filter(job=job, period=jobs.daily()).count() == 1


@pytest.mark.parametrize("job", [*COMMANDS, "intake"])
def test_a_job_running_elsewhere_is_not_started_again(job, settings):
    """Another host holds the job's lock (a connection of its own): this start does nothing."""
    settings.IMAP_URL = "imaps://nobody:x@127.0.0.1:1/INBOX"  # never reached
    db = connection.settings_dict
    dsn = f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={db['NAME']}"
    key = lock_key(job)
    with psycopg.connect(dsn, autocommit=True) as other:
        assert other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
        command = COMMANDS.get(job, ["fetch_request_mail"])
        assert run(*command) == f"{job} not run: another run of this job is in progress\n"
    assert not JobRun.objects.exists()


def test_a_failed_run_is_not_recorded_and_runs_again():
    def fail():
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        jobs.run_once("retention", jobs.daily(), fail)
    assert not JobRun.objects.exists()
    assert jobs.run_once("retention", jobs.daily(), lambda: "done") == "done"
    assert jobs.last_run("retention").period == jobs.daily()


def together(url, *commands, **extra_env):
    """Start every command at once as its own process (a host each); their outputs."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url,
           **extra_env}  # fmt: skip
    procs = [subprocess.Popen([PYTHON, "manage.py", *command], cwd=ROOT, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
             for command in commands]  # fmt: skip
    outputs = [p.communicate()[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    return outputs


@pytest.mark.live
def test_daily_jobs_started_twice_at_once_run_once(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        for command in COMMANDS.values():
            outputs = together(url, command, command)
            assert sum("not run" in out for out in outputs) == 1, outputs
        runs = query(url, "SELECT job, count(*) FROM consent_jobrun GROUP BY job")
        assert dict(runs) == {"digest": 1, "retention": 1}


@pytest.mark.live
@pytest.mark.requires_tool("dovecot", apt="dovecot-imapd")
def test_intake_started_twice_at_once_takes_each_message_once(django_db_blocker):
    with dovecot("requests", "pw") as (port, cert):
        client = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=ssl.create_default_context(
            cafile=str(cert)))  # fmt: skip
        client.login("requests", "pw")
        for i in range(30):
            client.append("INBOX", None, None, message("Сұрақ", message_id=f"<q{i}@x>"))
        client.logout()
        with django_db_blocker.unblock(), live_database() as url:
            imap = f"imaps://requests:pw@127.0.0.1:{port}/INBOX"
            command = ["fetch_request_mail"]
            together(url, command, command, IMAP_URL=imap, SSL_CERT_FILE=str(cert))
            assert query(url, "SELECT count(*), count(DISTINCT message_id) FROM consent_request")[
                0
            ] == (30, 30)
            runs = query(url, "SELECT started_at, finished_at FROM consent_jobrun ORDER BY 1")
            assert runs  # one run, or two one after the other: never side by side
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(runs))


@pytest.mark.parametrize("command", ["send_queued_mail", "send_campaigns"])
@pytest.mark.parametrize("size", ["0", "-5", "ten"])
def test_a_batch_size_that_takes_nothing_is_refused_naming_it(command, size):
    """`--batch-size 0` in a unit had the sender (or the campaigns' queuing) take nothing each
    run, «sent 0, not sent 0», exit 0, the outbox growing; `-5` stopped it on a traceback."""
    done = subprocess.run([PYTHON, "manage.py", command, "--batch-size", size], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 2
    assert f"argument --batch-size: '{size}' is not a whole number of 1 or more" in done.stderr
    assert "Traceback" not in done.stderr
