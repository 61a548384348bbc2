"""`load_demo` on the live site's database: it published the demo's services («Демо: услуга 1»)
and placeholder pages on the live site, and consent text versions over the officer's, without a
word. It refuses now unless DEBUG is on (`make run`) or the database holds no real content yet.

Real parts: a PostgreSQL database of its own, `manage.py load_demo` as the operator starts it,
with production settings."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_database, query, site_env

pytestmark = [pytest.mark.live, pytest.mark.django_db]
COUNTS = """SELECT (SELECT count(*) FROM emalu_service), (SELECT count(*) FROM emalu_page),
                   (SELECT count(*) FROM consent_consenttext)"""


def load_demo(url, **env):
    return subprocess.run([PYTHON, "manage.py", "load_demo"], cwd=ROOT, env=site_env(url, **env),
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_load_demo_refuses_a_database_with_the_live_sites_content(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        # The live site: staff wrote its pages, the demo's services are gone.
        query(url, "UPDATE emalu_page SET is_demo = false RETURNING 1")
        query(url, "DELETE FROM emalu_service RETURNING 1")
        before = query(url, COUNTS)
        done = load_demo(url)
        assert done.returncode != 0
        assert "load_demo refused" in done.stderr and "pages written by staff" in done.stderr
        assert "DEBUG" in done.stderr and "Traceback" not in done.stderr
        assert query(url, COUNTS) == before  # nothing of the demo added
        assert query(url, "SELECT count(*) FROM emalu_page WHERE is_demo")[0][0] == 0
        # With DEBUG on, it is `make run`'s database: the demo is loaded.
        done = load_demo(url, DEBUG="1")
        assert done.returncode == 0, done.stderr[-2000:]
        assert query(url, "SELECT count(*) FROM emalu_service WHERE is_demo")[0][0] == 3


def test_load_demo_runs_again_on_a_database_of_demo_content_alone(django_db_blocker):
    """The live tests' template is a migrated database with the demo loaded, DEBUG off: loaded
    again, it is still the demo (idempotent), not refused."""
    with django_db_blocker.unblock(), live_database() as url:
        pages = "SELECT (SELECT count(*) FROM emalu_service), (SELECT count(*) FROM emalu_page)"
        before = query(url, pages)
        done = load_demo(url)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "Demo content loaded." in done.stdout
        assert query(url, pages) == before
