"""The code put on a host before `release` ran (README, Deploying, step 9: the code on every
host first, then the release on one): the timers start the new code at their next run, on the
old schema. The web refused to start so (emalu.E001), but each job ran, every minute: a traceback
on a column the release adds, or its rules without the rows a data migration adds (the intake's
phrases, by which a letter is typed). Each refuses now with one line naming the first migration
lacking and what to run, and the MTA keeps a piped letter (consent/core/jobs.py::JobCommand)."""

import subprocess

import pytest
from django.db.migrations.loader import MigrationLoader

from tests.live import PYTHON, ROOT, live_database, query, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]
LETTER = b"From: aliya@example.kz\r\nSubject: Remove me\r\n\r\nPlease delete my data.\r\n"


def test_jobs_on_code_newer_than_the_database_do_nothing_and_say_to_release(django_db_blocker):
    leaf = next(n for n in MigrationLoader(None).graph.leaf_nodes() if n[0] == "consent")
    with django_db_blocker.unblock(), live_database() as url:
        # The database as the release before left it: this code's last migration not applied.
        query(url, f"DELETE FROM django_migrations WHERE app = 'consent' AND name = '{leaf[1]}' "
                   "RETURNING id")  # fmt: skip
        [(runs,)] = query(url, "SELECT count(*) FROM consent_jobrun")
        env = site_env(url)

        def manage(*command, letter=None):
            return subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env,
                                  input=letter, capture_output=True)  # fmt: skip

        sender = manage("send_queued_mail")
        assert sender.returncode == 1
        assert sender.stderr.decode().splitlines() == [
            f"send_queued_mail not run: the database lacks 1 migration(s) this code needs (the "
            f"first: consent.{leaf[1]}): run `manage.py release` on one host with the owner's "
            "DATABASE_URL (README, Deploying, steps 4 and 9); the next start after it does the "
            "work"
        ]
        piped = manage("ingest_request_mail", letter=LETTER)
        assert piped.returncode == 75  # EX_TEMPFAIL: the MTA keeps the letter and pipes it again
        said = piped.stderr.decode()
        assert "not taken: the database lacks 1 migration(s) this code needs" in said
        assert query(url, "SELECT count(*) FROM consent_request") == [(0,)]
        assert query(url, "SELECT count(*) FROM consent_jobrun") == [(runs,)]
