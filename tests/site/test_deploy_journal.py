"""The journal lines a restore reads (docs/deploy/backups.md, step 2: the destructions and the
mail sent since the backup, should the database be lost) are all kept: journald drops a unit's
lines past its rate limit (RateLimitBurst, 10,000 in 30 s by default), and a burst of requests
or a night's retention destroying many people lost the very lines a restore needed, so the
restored database brought those people back, or sent their mail again."""

import re

from tests.site.test_deploy_files import DEPLOY, unit

BACKUPS = DEPLOY / "backups.md"


def units_a_restore_reads():
    """The units each `journalctl -u …` of the restore's steps reads."""
    text = " ".join(BACKUPS.read_text().split())
    names = set()
    for command in re.findall(r"`journalctl ([^`]*?)\|", text):
        names.update(re.findall(r"-u (\S+)", command))
    return sorted(names)


def test_every_unit_whose_journal_a_restore_reads_keeps_every_line():
    names = units_a_restore_reads()
    assert {"emalu", "emalu-retention", "emalu-mail", "emalu-mail-worker"} <= set(names)
    for name in names:
        service = dict(unit(DEPLOY / f"{name}.service")["Service"])
        assert service.get("LogRateLimitIntervalSec") == "0", name
