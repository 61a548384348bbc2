"""The night's retention starts at one time, `NIGHTLY_RUN` (consent/rights/expiring.py), from
which the desk counts the day a request no one confirmed is closed: the timer an operator
installs starts the run then, and the backup before it. The time was also written into the
timers' comments («03:15 Asia/Almaty every day», the backup's «before retention's 03:15»), where
a change of the setting or the timer left them wrong unseen; the timer's OnCalendar is now the
one copy of it outside the code, held to it here, as is the operators' README."""

import re
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from consent.rights.expiring import NIGHTLY_RUN
from tests.live import ROOT

DEPLOY = ROOT / "docs" / "deploy"
LOCAL = ZoneInfo(settings.TIME_ZONE)


def starts(timer: str) -> list[datetime]:
    """A day and more of the timer's starts, in local time, as systemd reads its OnCalendar."""
    spec = re.search(r"^OnCalendar=(.+)$", (DEPLOY / timer).read_text(), re.M)[1]
    shown = subprocess.run(["systemd-analyze", "calendar", "--iterations=48", spec],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    return [
        datetime.fromisoformat(f"{t}+00:00").astimezone(LOCAL)
        for t in re.findall(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", shown)
    ]


def first_of_the_day(timer: str) -> datetime:
    day = starts(timer)
    later = [t for t in day if t.date() > day[0].date()]
    return later[0]


def test_the_retention_timer_starts_the_run_at_its_time():
    first = first_of_the_day("emalu-retention.timer")
    assert first.time() == NIGHTLY_RUN
    # Again each hour after it, at the same minutes: a failed run made up that day.
    day = [t for t in starts("emalu-retention.timer") if t.date() == first.date()]
    assert [t - first for t in day] == [timedelta(hours=n) for n in range(len(day))]


def test_the_backup_starts_before_the_run():
    assert first_of_the_day("emalu-backup.timer").time() < NIGHTLY_RUN


def test_no_other_line_writes_the_nightly_time():
    """Only the retention timer's OnCalendar and the README's «retention from» say it."""
    written = re.compile(rf"\b0?{NIGHTLY_RUN.hour}:{NIGHTLY_RUN:%M}\b")
    lines = [
        (path.name, line)
        for path in sorted(DEPLOY.iterdir())
        for line in path.read_text().splitlines()
        if written.search(line) and not line.startswith("OnCalendar=")
    ]
    assert lines == []
    readme = (ROOT / "README.md").read_text()
    assert re.findall(r"retention from (\d\d:\d\d)", readme) == [f"{NIGHTLY_RUN:%H:%M}"]
