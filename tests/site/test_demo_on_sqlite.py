"""`make run` is the site with its demo content on SQLite (production is PostgreSQL): the demo's
flows run there end to end, the jobs and campaigns included (consent/common/locks.py: the
PostgreSQL advisory locks lock nothing on SQLite). `send_campaigns` failed there with «no such
function: pg_try_advisory_lock» and left the campaign «being queued» for ever."""

import os
import shutil
import subprocess

import pytest

from tests.live import PYTHON, ROOT, shared


def sqlite_env(home):
    """`make run`'s environment: DEBUG, a SQLite database of its own in `home`."""
    return {"PATH": os.environ["PATH"], "HOME": str(home), "DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "emalu.settings",
            "DATABASE_URL": f"sqlite:///{home / 'emalu.sqlite3'}"}  # fmt: skip


@pytest.fixture(scope="module")
def migrated():
    """A SQLite database `manage.py migrate` made from nothing, as `make run`'s first start does
    (~7 s of CPU), once for the run: each test starts on a copy (each module's own `migrate`
    then finds nothing to apply, ~0.6 s)."""

    def migrate(folder):
        subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT,
                       env=sqlite_env(folder), check=True, timeout=300)  # fmt: skip

    return shared.files_once("sqlite-migrated", migrate) / "emalu.sqlite3"


def on_sqlite(module, tmp_path, migrated):
    """`python -m module` as `make run` serves the demo, on a copy of the migrated database."""
    shutil.copyfile(migrated, tmp_path / "emalu.sqlite3")
    return subprocess.run([PYTHON, "-m", module], cwd=ROOT, env=sqlite_env(tmp_path),
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_the_demo_runs_end_to_end_on_sqlite(tmp_path, migrated):
    done = on_sqlite("tests.site.demo_flows", tmp_path, migrated)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    for expected in [
        "load_demo -> Demo content loaded.",
        "subscribed 200",
        "campaign started for 1",
        "send_campaigns -> queued 1",
        # The campaign's mail, queued after the last page: each page sends what is due once
        # answered (the subscriber's link after the first, the requests' after the desk's).
        "send_queued_mail -> sent 1, not sent 0",
        "campaign sent 1 ru",
        "access answered 200 done",
        "its page 200",
    ]:
        assert expected in lines, done.stdout[-3000:]
    assert any(line.startswith("enforce_retention -> did ") for line in lines), done.stdout
    # The digest ran (on a working day it mails the demo's requests due, on another none: the
    # count depends on the day the test runs, which expecting 0 did, failing on working days).
    digest = "send_request_digest -> digest emails queued: "
    assert any(line.startswith(digest) for line in lines), done.stdout


def test_two_pages_answered_at_once_send_each_mail_once(tmp_path, migrated):
    """SQLite locks no rows (select_for_update is a no-op there): two pages answered together
    both claimed the same due mails, both printed them, and one sender then failed «database is
    locked» in the page's thread; `make run` printed one letter up to ten times. Each mail goes
    once, and neither sender fails."""
    done = on_sqlite("tests.site.demo_senders", tmp_path, migrated)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert "copies [1, 1, 1, 1]" in lines, done.stdout
    assert "failures []" in lines, done.stdout
    assert "left unsent 0" in lines, done.stdout
