"""The nightly backup on two hosts (emalu-backup.timer enabled on each, as the other timers may
be: README, Deploying, step 6): the day's dump is taken once, however many hosts start it.

Each host's start looked only in its own BACKUP_DIR for the day's dump: two hosts whose timers
fired at 02:30 dumped the whole database (photos included) twice at once, into one shared folder
(the second dump replacing the first) or each into its own, and a host whose folder lacked the
day's dump took another after the first host's had been written and recorded. The dump is now
taken under the backup's lock in the shared database, and not at all once the day's is recorded.
"""

import subprocess
import time

import pytest

from tests.live import ROOT, live_database, query, site_env
from tests.site.test_backup_restore import AGE

pytestmark = [pytest.mark.live, pytest.mark.requires_tool("pg_dump", apt="postgresql-client")]

# The first pg_dump to start waits for the test's word, as a large database's takes its time;
# each call is counted. The real pg_dump does the dump.
PG_DUMP = """#!/bin/sh
echo dumped >> {calls}
if mkdir {first} 2>/dev/null; then
    touch {started}
    while [ ! -e {go} ]; do sleep 0.05; done
fi
exec /usr/bin/pg_dump "$@"
"""

RECORDED = "SELECT count(*) FROM consent_jobrun WHERE job = 'backup'"


def host(env, tools, folder):
    return {**env, "PATH": f"{tools}:{env['PATH']}", "BACKUP_DIR": str(folder),
            "BACKUP_RECIPIENT": "age1x"}  # fmt: skip


def test_two_hosts_timers_take_the_days_dump_once(django_db_blocker, tmp_path):
    tools, shared, own = tmp_path / "bin", tmp_path / "shared", tmp_path / "own"
    for folder in (tools, shared, own):
        folder.mkdir()
    calls, started, go = tmp_path / "calls", tmp_path / "started", tmp_path / "go"
    (tools / "pg_dump").write_text(PG_DUMP.format(calls=calls, first=tmp_path / "first",
                                                  started=started, go=go))  # fmt: skip
    (tools / "age").write_text(AGE)
    for tool in tools.iterdir():
        tool.chmod(0o755)
    backup = ROOT / "scripts" / "backup"
    with django_db_blocker.unblock(), live_database() as url:
        env = site_env(url)
        # Host A's timer at 02:30: its dump is under way.
        a = subprocess.Popen([backup], env=host(env, tools, shared), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        try:
            while not started.exists():
                assert a.poll() is None, a.communicate()
                time.sleep(0.05)
            # Host B's timer at 02:30, on the same shared folder: it takes no second dump.
            b = subprocess.run([backup], env=host(env, tools, shared), capture_output=True,
                               text=True)  # fmt: skip
        finally:
            go.touch()
            out, err = a.communicate()
        assert b.returncode == 0, b.stderr
        assert "another host is taking the day's dump now" in b.stdout
        assert a.returncode == 0, err
        assert "backup recorded at" in out
        assert calls.read_text().splitlines() == ["dumped"]
        [dump] = shared.iterdir()
        assert dump.name.startswith("db-") and dump.stat().st_size > 0
        # A host whose folder is its own, an hour later: the day's dump is taken (on host A).
        later = subprocess.run([backup], env=host(env, tools, own), capture_output=True, text=True)
        assert later.returncode == 0, later.stderr
        assert "backup already taken today" in later.stdout
        assert calls.read_text().splitlines() == ["dumped"]
        assert list(own.iterdir()) == []
        assert query(url, RECORDED) == [(1,)]


# age's stand-in, once the dump is through: the database goes (every other session ended, the
# one holding the backup's lock among them), as a database restarting at that moment would.
AGE_THEN_DATABASE_GONE = """#!/bin/sh
cat
psql -q "$DATABASE_URL" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid()" >/dev/null
"""


@pytest.mark.requires_tool("psql", apt="postgresql-client")
def test_a_dump_written_as_the_database_goes_says_it_is_not_recorded(django_db_blocker, tmp_path):
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    (tools / "age").write_text(AGE_THEN_DATABASE_GONE)
    (tools / "age").chmod(0o755)
    with django_db_blocker.unblock(), live_database() as url:
        env = {**host(site_env(url), tools, folder), "DATABASE_URL": url}
        done = subprocess.run([ROOT / "scripts" / "backup"], env=env, capture_output=True,
                              text=True)  # fmt: skip
        assert done.returncode == 1
        assert "backup written but not recorded" in done.stderr
        assert "run `manage.py backup_recorded` once the database answers" in done.stderr
        [dump] = folder.iterdir()
        assert dump.name.endswith(".dump.age") and dump.stat().st_size > 0
        assert query(url, RECORDED) == [(0,)]
