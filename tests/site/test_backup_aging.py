"""The letter confirming a destruction tells the person that each backup made before it is
deleted BACKUP_KEEP_DAYS (56) days after it was made (email/parts/destroyed_kept.txt).
scripts/backup deleted with `find -mtime +56`: more than 56 whole days since the file was
written, so the dump of 1 October went on 27 or 28 November, not the 26th; and only in a run
that had just written the day's dump: on a night whose dumps failed, and at the day's later
starts, none went. It deletes each dump by the Almaty day in its name now, at every start.
The script runs as emalu-backup.service runs it, with stand-ins for pg_dump and age."""

import os
import subprocess
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.live import ROOT, live_database, site_env

from .test_backup_restore import AGE, TESTS_CLOCK

pytestmark = [pytest.mark.live, pytest.mark.django_db]
KEEP = 56


def nightly_dumps(folder, today, nights=60):
    """A dump for each of the `nights` before `today`, each written a little later in its night
    than the clock reads now (a dump takes longer some nights): {days before today: file}."""
    dumps = {}
    for days in range(1, nights + 1):
        dump = folder / f"db-{today - timedelta(days=days)}.dump.age"
        dump.write_bytes(b"an earlier night's dump")
        written = time.time() - days * 86400 + 3600
        os.utime(dump, (written, written))
        dumps[days] = dump
    return dumps


def tools_in(tmp_path, pg_dump):
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    for name, body in {"pg_dump": pg_dump, "age": AGE}.items():
        (tools / name).write_text(body)
        (tools / name).chmod(0o755)
    return tools, folder


def kept(folder):
    return sorted(p.name for p in folder.iterdir())


def test_the_night_s_backup_deletes_each_dump_the_day_the_letter_says(django_db_blocker, tmp_path):
    tools, folder = tools_in(tmp_path, "#!/bin/sh\necho a-dump\n")
    today = datetime.now(ZoneInfo("Asia/Almaty")).date()
    dumps = nightly_dumps(folder, today)
    with django_db_blocker.unblock(), live_database() as url:
        env = {**site_env(url), "PATH": f"{tools}:{os.environ['PATH']}",
               "BACKUP_DIR": str(folder), "BACKUP_RECIPIENT": "age1x"}  # fmt: skip
        night = subprocess.run([ROOT / "scripts" / "backup"], env=env, capture_output=True,
                               text=True)  # fmt: skip
    assert night.returncode == 0, night.stderr
    todays = f"db-{today}.dump.age"
    assert kept(folder) == sorted([todays] + [dumps[d].name for d in range(1, KEEP)])
    assert f"dump aged out: {dumps[KEEP]}" in night.stdout


@pytest.mark.requires_tool("faketime", apt="faketime")
def test_the_dumps_age_out_on_a_night_whose_dump_fails_and_after_the_day_s_is_taken(
    django_db_blocker, tmp_path
):
    with django_db_blocker.unblock(), live_database() as url:
        # 20:00 UTC on the 5th is 02:00 on the 6th in Almaty.
        env = {
            "BACKUP_DIR": str(tmp_path / "backup"),
            **TESTS_CLOCK,
            "TZ": "UTC",
            "DATABASE_URL": url,
        }
        tools, folder = tools_in(tmp_path, "#!/bin/sh\necho 'pg_dump: error: lost' >&2\nexit 1\n")
        env["PATH"] = f"{tools}:/usr/bin:/bin"
        at = "2026-12-05 20:00:00"
        for name in ["db-2026-10-11.dump.age", "db-2026-10-12.dump.age", "db-2026-10-13.dump.age"]:
            (folder / name).write_bytes(b"an earlier night's dump")  # copied here today: new times
        failed = subprocess.run(["faketime", at, ROOT / "scripts" / "backup"], env=env,
                                capture_output=True, text=True)  # fmt: skip
        assert failed.returncode != 0 and "pg_dump: error: lost" in failed.stderr
        # 11 October + 56 days is 6 December: that dump goes, the 12th's and the 13th's stay.
        assert kept(folder) == ["db-2026-10-12.dump.age", "db-2026-10-13.dump.age"]

        # The next day, the 7th in Almaty, a start after its dump was taken.
        (folder / "db-2026-12-07.dump.age").write_bytes(b"this morning's dump")
        later = subprocess.run(["faketime", "2026-12-06 20:00:00", ROOT / "scripts" / "backup"],
                               env=env, capture_output=True, text=True)  # fmt: skip
        assert later.returncode == 0, later.stderr
        assert "backup already written today" in later.stdout
        assert kept(folder) == ["db-2026-10-13.dump.age", "db-2026-12-07.dump.age"]


@pytest.mark.requires_tool("faketime", apt="faketime")
def test_the_dumps_are_kept_as_long_as_the_site_reads_backup_keep_days(django_db_blocker, tmp_path):
    """The script read BACKUP_KEEP_DAYS itself, and the site (which tells the person) otherwise:
    «+30» was 30 days in the letter and stopped every backup as «not a whole number»."""
    with django_db_blocker.unblock(), live_database() as url:
        tools, folder = tools_in(tmp_path, "#!/bin/sh\necho 'pg_dump: error: lost' >&2\nexit 1\n")
        env = {"BACKUP_DIR": str(folder), **TESTS_CLOCK, "TZ": "UTC", "BACKUP_KEEP_DAYS": "+30",
               "PATH": f"{tools}:/usr/bin:/bin", "DATABASE_URL": url}  # fmt: skip
        for day in ["2026-11-05", "2026-11-06", "2026-11-07"]:
            (folder / f"db-{day}.dump.age").write_bytes(b"an earlier night's dump")
        night = subprocess.run(["faketime", "2026-12-05 20:00:00", ROOT / "scripts" / "backup"],
                               env=env, capture_output=True, text=True)  # fmt: skip
        assert "not a whole number" not in night.stderr
        assert "pg_dump: error: lost" in night.stderr  # it went as far as the dump
        # 6 November + 30 days is 6 December, the day of the run in Almaty.
        assert kept(folder) == ["db-2026-11-07.dump.age"]
