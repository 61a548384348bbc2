"""The named locks have one home, consent/common/locks.py: nothing else asks PostgreSQL for an
advisory lock, so that no path the demo reaches on SQLite fails for want of one
(tests/site/test_demo_on_sqlite.py runs the demo's flows there)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
HOME = ROOT / "consent" / "common" / "locks.py"


def test_only_the_locks_module_takes_advisory_locks():
    takers = [
        str(path.relative_to(ROOT))
        for package in ("consent", "emalu", "forms_app")
        for path in (ROOT / package).rglob("*.py")
        if path != HOME and "/migrations/" not in str(path)
        and re.search(r"pg_\w*advisory", path.read_text())
    ]  # fmt: skip
    assert not takers
