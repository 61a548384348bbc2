"""scripts/backup's later starts the same day (emalu-backup.timer starts it each hour from
02:30): they find the day's dump and dump nothing again, and record that dump where the database
lacks it. A database restored from the day's dump did: the dump's record is written after the
dump, so /healthz named `backup` as failing, and the admin index warned, until the next night,
with the dump on the disk (docs/deploy/backups.md)."""

import os
import subprocess
from datetime import UTC, datetime

import pytest

from tests.live import ROOT, live_database, query, site_env
from tests.site.test_backup_restore import AGE, nightly_backup, restored_from

pytestmark = [pytest.mark.live, pytest.mark.requires_tool("faketime", apt="faketime")]

RECORDED = "SELECT finished_at FROM consent_jobrun WHERE job = 'backup' ORDER BY finished_at"


def test_a_later_start_the_same_day_finds_the_days_dump_and_takes_none(django_db_blocker, tmp_path):
    """The day is Almaty's: 20:00 UTC on the 4th is the 5th there."""
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    (tools / "pg_dump").write_text(f"#!/bin/sh\ntouch {tmp_path / 'dumped'}\nexit 1\n")
    (tools / "pg_dump").chmod(0o755)
    (tools / "age").write_text(AGE)
    (tools / "age").chmod(0o755)
    todays = folder / "db-2026-12-05.dump.age"
    todays.write_bytes(b"this morning's dump")
    written = datetime(2026, 12, 4, 19, 0, tzinfo=UTC)  # 00:00 on the 5th in Almaty
    os.utime(todays, (written.timestamp(),) * 2)
    with django_db_blocker.unblock(), live_database() as url:
        # The tests' settings leave the host's clock alone (faketime moves it here, and leaves
        # the files' times as they are: NO_FAKE_STAT).
        env = {**site_env(url), "DJANGO_SETTINGS_MODULE": "tests.settings", "TZ": "UTC",
               "NO_FAKE_STAT": "1",
               "PATH": f"{tools}:/usr/bin:/bin", "BACKUP_DIR": str(folder),
               "BACKUP_RECIPIENT": "age1x"}  # fmt: skip
        later = subprocess.run(["faketime", "2026-12-04 20:00:00", ROOT / "scripts" / "backup"],
                               env=env, capture_output=True, text=True)  # fmt: skip
        assert later.returncode == 0, later.stderr
        assert f"backup already written today: {todays}" in later.stdout
        assert not (tmp_path / "dumped").exists()
        assert list(folder.iterdir()) == [todays] and todays.read_bytes() == b"this morning's dump"
        assert query(url, RECORDED) == [(written,)]
        # Once recorded, a later start records it no more.
        again = subprocess.run(["faketime", "2026-12-04 21:00:00", ROOT / "scripts" / "backup"],
                               env=env, capture_output=True, text=True)  # fmt: skip
        assert again.returncode == 0 and query(url, RECORDED) == [(written,)]
        # The next day's first start dumps (here its stand-in fails: the dump of the 5th is kept).
        next_day = subprocess.run(["faketime", "2026-12-05 20:00:00", ROOT / "scripts" / "backup"],
                                  env=env, capture_output=True, text=True)  # fmt: skip
        assert next_day.returncode != 0 and (tmp_path / "dumped").exists()
        assert list(folder.iterdir()) == [todays]


@pytest.mark.django_db
@pytest.mark.requires_tool("pg_dump", apt="postgresql-client")
def test_a_database_restored_from_the_days_dump_has_that_backup_recorded(
    django_db_setup, django_db_blocker, tmp_path
):
    with django_db_blocker.unblock(), live_database() as current:
        env = site_env(current)
        dump = nightly_backup(env, tmp_path)
        env = {**env, "PATH": f"{tmp_path / 'bin'}:{env['PATH']}", "BACKUP_DIR": str(dump.parent),
               "BACKUP_RECIPIENT": "age1x"}  # fmt: skip
        with restored_from(dump, current) as restored:
            # The dump was taken before its own record: the restored database has none.
            assert query(restored, RECORDED) == []
            later = subprocess.run([ROOT / "scripts" / "backup"], capture_output=True, text=True,
                                   env={**env, "DATABASE_URL": restored})  # fmt: skip
            assert later.returncode == 0, later.stderr
            assert "backup already written today" in later.stdout
            [(at,)] = query(restored, RECORDED)
            assert abs(at.timestamp() - dump.stat().st_mtime) < 1
