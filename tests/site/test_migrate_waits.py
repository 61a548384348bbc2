"""`release`'s migrate on a database a backup is dumping (README, Deploying, steps 4 and 9;
docs/deploy/backups.md): the night's pg_dump holds every table it has read until it ends, and an
ALTER TABLE waiting behind it held, in PostgreSQL's queue of locks, every page that read the
table: each cancelled by its statement timeout, the site answering 503 for as long as the dump
ran. Migrate now waits a moment, rolls its migration back, says who holds the table, and tries
again, the site's queries going through in between."""

import subprocess
import threading
import time

import psycopg
import pytest

from tests.live import PYTHON, ROOT, live_database, query, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]

# The release before: the request table's opened_at column (rights.0054, ALTER TABLE) not yet
# added.
BEFORE = ["migrate", "rights", "0053", "-v", "0"]
WAITING = """SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE c.relname = 'consent_request' AND NOT l.granted"""
ADDED = """SELECT count(*) FROM information_schema.columns
           WHERE table_name = 'consent_request' AND column_name = 'opened_at'"""
HELD = "a table this migration changes is held by another session (pid "
PAGE_STATEMENT_TIMEOUT = "20s"  # DATABASE_STATEMENT_TIMEOUT's default: a page's query


def dsn(url):
    return url.replace("postgres://", "postgresql://")


def test_a_migration_behind_a_backups_dump_does_not_hold_the_pages_back():
    with live_database() as url:
        env = site_env(url)
        subprocess.run([PYTHON, "manage.py", *BEFORE], cwd=ROOT, env=env, check=True)
        with psycopg.connect(dsn(url)) as dump:
            # What pg_dump holds on each table it has read, until it ends.
            dump.execute("LOCK TABLE consent_request IN ACCESS SHARE MODE")
            release = subprocess.Popen([PYTHON, "manage.py", "migrate"], cwd=ROOT, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True)  # fmt: skip
            said = []
            reader = threading.Thread(target=lambda: said.extend(release.stderr))
            reader.start()
            try:
                for _ in range(600):  # until the migration has asked for the table
                    if query(url, WAITING) != [(0,)] or release.poll() is not None:
                        break
                    time.sleep(0.1)
                assert release.poll() is None, release.stdout.read()
                # A page's query meanwhile, with a page's statement timeout: it had queued behind
                # the ALTER TABLE until the dump ended, and was cancelled.
                with psycopg.connect(dsn(url)) as page:
                    page.execute(f"SET statement_timeout = '{PAGE_STATEMENT_TIMEOUT}'")
                    assert page.execute("SELECT count(*) FROM consent_request").fetchone()
                for _ in range(600):  # until it has said so, the dump still running
                    if HELD in "".join(said) or release.poll() is not None:
                        break
                    time.sleep(0.1)
            finally:
                dump.rollback()  # the dump written
            out, _ = release.communicate(timeout=300)
            reader.join()
        assert release.returncode == 0, "".join(said)
        assert HELD in "".join(said)
        assert "Applying rights.0054_ticket_opened_at... OK" in out
        assert query(url, ADDED) == [(1,)]
