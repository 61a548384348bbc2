"""`systemctl reload emalu` (README, Deploying, step 9) on a host whose new code the database
is not migrated for yet: the reload sent gunicorn its HUP unchecked, and the new workers
answered 500 for every page reading what the release adds (the start's check, emalu.E001, is
not run by a reload). emalu.service's ExecReload lines run the check first; systemd runs the
next line only when one succeeds, so the HUP never comes and the old workers go on serving.

Real parts: the unit's ExecReload lines run in order as systemd runs them (each only after the
one before it succeeded, $MAINPID the served process), a fresh PostgreSQL database, Redis."""

import re
import signal
import subprocess
import sys

import pytest

from tests.live import PYTHON, ROOT, live_database, query, redis_cache, site_env

pytestmark = pytest.mark.live
UNIT = ROOT / "docs" / "deploy" / "emalu.service"
KEY = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
# The master stand-in: it says when the HUP reaches it.
MASTER = "import signal, sys; signal.signal(signal.SIGHUP, lambda *a: (print('HUP'), sys.exit())); print('ready', flush=True); signal.pause()"  # fmt: skip  # noqa: E501


def reload(env, master):
    """The unit's ExecReload lines, as systemd runs them: (the first that failed, or None)."""
    for line in re.findall(r"^ExecReload=(.+)$", UNIT.read_text(), re.MULTILINE):
        argv = line.replace("$MAINPID", str(master.pid)).split()
        if argv[0].endswith("/.venv/bin/python"):
            argv[0] = str(PYTHON)  # the venv's python is this one
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)  # fmt: skip
        if done.returncode:
            return done
    return None


def served():
    master = subprocess.Popen([sys.executable, "-c", MASTER], stdout=subprocess.PIPE, text=True)
    assert master.stdout.readline().strip() == "ready"  # its HUP handler set
    return master


def test_a_reload_before_the_release_migrated_keeps_the_workers_serving(
    django_db_setup, django_db_blocker
):
    with django_db_blocker.unblock(), live_database() as url, redis_cache(11) as cache:
        env = site_env(url, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                       ALLOWED_HOSTS="emaluplus-vko.kz", MEDIA_ENCRYPTION_KEY=KEY,
                       **cache)  # fmt: skip
        master = served()
        assert reload(env, master) is None  # migrated: checked, then the HUP
        assert master.wait(timeout=30) == 0 and master.stdout.read().strip() == "HUP"

        # The code put in place before `release` ran: the database lacks its last migration.
        [(app, name)] = query(url, "DELETE FROM django_migrations WHERE id = (SELECT max(id) "
                                   "FROM django_migrations) RETURNING app, name")  # fmt: skip
        master = served()
        try:
            failed = reload(env, master)
            assert failed is not None and "emalu.E001" in failed.stderr, failed
            assert f"(the first: {app}.{name})" in failed.stderr
            assert master.poll() is None  # no HUP: the running workers serve on
        finally:
            master.send_signal(signal.SIGTERM)
            master.wait(timeout=30)
