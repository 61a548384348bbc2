"""docs/deploy/backups.md: how long a dump is kept. The letter confirming a destruction tells the
person the day the backups made before it lose the data (tests/rights/test_destroyed_kept_told.py),
and scripts/backup keeps to that day."""

import os
import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.live import ROOT

from .test_backup_restore import NO_DATABASE

ALMATY = ZoneInfo("Asia/Almaty")


def dumped_at(folder, moment):
    """A dump as scripts/backup leaves it: named by its Almaty day, written at `moment`."""
    dump = folder / f"db-{moment.astimezone(ALMATY).date()}.dump.age"
    dump.write_bytes(b"a night's dump")
    os.utime(dump, (moment.timestamp(),) * 2)
    return dump


@pytest.mark.requires_tool("faketime", apt="faketime")
@pytest.mark.parametrize("todays", ["written", "failed"])
def test_a_dump_is_deleted_on_the_day_the_destruction_letter_says(tmp_path, todays):
    """The letter confirming a destruction tells the person that each backup is deleted
    BACKUP_KEEP_DAYS (56) days after it was made (tests/rights/test_destroyed_kept_told.py). The
    script aged dumps by `find -mtime +56`, whole days of age over 56, and only on a night whose
    own dump was written: the dump of 1 December, made up at 22:00 after its night failed, was
    still there on 26 January, 56 days on, and stayed to the 28th; a disk full for a week kept
    every dump a week longer. Each goes at the first start of the 56th day after its own,
    whatever becomes of that day's dump; the dumps of the days since are kept."""
    tools, folder = tmp_path / "bin", tmp_path / "backup"
    tools.mkdir()
    folder.mkdir()
    scripts = {"pg_dump": "printf dump\n" if todays == "written" else "exit 1\n",
               "age": "exec cat\n"}  # fmt: skip
    for name, body in scripts.items():
        (tools / name).write_text("#!/bin/sh\n" + body)
        (tools / name).chmod(0o755)
    night = datetime(2026, 12, 1, 2, 30, tzinfo=ALMATY)
    aged = [dumped_at(folder, night.replace(hour=22)), dumped_at(folder, night - timedelta(3))]
    kept = [dumped_at(folder, night + timedelta(1)), dumped_at(folder, night + timedelta(55))]
    start = (night + timedelta(56)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    env = {"PATH": f"{tools}:/usr/bin:/bin", "BACKUP_DIR": str(folder), **NO_DATABASE, "TZ": "UTC"}
    run = subprocess.run(["faketime", start, ROOT / "scripts" / "backup"], env=env,
                         capture_output=True, text=True)  # fmt: skip
    left = set(folder.iterdir())
    assert not left & set(aged), run.stderr
    assert set(kept) <= left
    # Written, then not recorded (the tests' settings reach no database): the day's dump stays.
    assert ((folder / "db-2027-01-26.dump.age") in left) == (todays == "written")
