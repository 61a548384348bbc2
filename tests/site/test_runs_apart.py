"""Two test runs on one DATABASE_URL at once (a run stopped with SIGTERM drops its databases as
it ends while the next, started at once, makes its own; two developers' runs): each on test
databases named by its run's id (tests/live/database.py `name_test_databases_for_the_run`),
neither touching the other's, and none left behind. Before, both named theirs test_<db>(_gwN)
and the second dropped the first's: 1,700 errors."""

import os
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from consent.core.models import Subject
from tests.live import PYTHON, ROOT, RUN_ID, copy_database, query

PROBE = "EMALU_RUNS_APART"  # the folder the two runs meet in; unset, the probe is skipped


@pytest.mark.skipif(PROBE not in os.environ, reason="one of test_two_runs_at_once's runs")
@pytest.mark.django_db
def test_probe_a_run_on_its_own_database():
    """One of the two runs: a row of its own written, then, once the other run is as far (or
    ended), its database still there, its row in it."""
    folder, mine = Path(os.environ[PROBE]), str(os.getpid())
    Subject.objects.create(full_name=mine, email=f"run{mine}@example.kz", phone="+77011234567")
    (folder / f"ready-{mine}").write_text(connection.settings_dict["NAME"])
    while not (folder / "go").exists():  # the test that started both writes it
        time.sleep(0.05)
    assert list(Subject.objects.values_list("full_name", flat=True)) == [mine]


@pytest.mark.live
def test_two_runs_at_once_on_one_url_keep_apart(tmp_path):
    db = settings.DATABASES["default"]
    if connection.vendor != "postgresql":
        pytest.skip("the test databases' names are PostgreSQL's")
    name = f"emalu_runs_{uuid.uuid4().hex[:8]}"  # a URL of their own: this run's stays apart
    env = {k: v for k, v in os.environ.items() if k != RUN_ID and not k.startswith("PYTEST_")}
    env |= {
        PROBE: str(tmp_path),
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}",
    }
    admin = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/postgres"
    # What a run killed (SIGKILL, or a worker gone with its controller) left: the next run drops it.
    copy_database(f"test_{name}_gw0_{uuid.uuid4().hex[:12]}", "template0")
    # And the templates and files such a run builds for its workers (tests/live/database.py).
    killed = uuid.uuid4().hex[:12]
    copy_database(f"emalu_migrated_template_{killed}", "template0")
    (Path(tempfile.gettempdir()) / f"emalu-results-{killed}" / "walk").mkdir(parents=True)
    probe = f"{Path(__file__).relative_to(ROOT)}::test_probe_a_run_on_its_own_database"
    command = [PYTHON, "-m", "pytest", "-p", "no:cacheprovider", "-q", probe]
    logs = [tmp_path / f"run{i}.log" for i in (1, 2)]
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        for log in logs
    ]
    try:
        # Both in their test at once, each with its row written; or one ended early (failed).
        while len(list(tmp_path.glob("ready-*"))) < 2 and all(r.poll() is None for r in runs):
            time.sleep(0.05)
        (tmp_path / "go").touch()
        codes = [run.wait(timeout=600) for run in runs]
    finally:
        for run in runs:
            run.kill()
    assert codes == [0, 0], "\n\n".join(log.read_text()[-3000:] for log in logs)
    used = sorted(p.read_text() for p in tmp_path.glob("ready-*"))
    assert len(set(used)) == 2 and all(u.startswith(f"test_{name}_") for u in used)
    left = query(admin, f"SELECT datname FROM pg_database WHERE datname LIKE '%{name}%'"
                        f" OR datname LIKE '%{killed}'")  # fmt: skip
    assert left == []
    assert not (Path(tempfile.gettempdir()) / f"emalu-results-{killed}").exists()
