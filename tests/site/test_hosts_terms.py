"""Two hosts whose /etc/emalu/env differ in a term a person is told or retention keeps to: a
host with BACKUP_KEEP_DAYS 30 where the backup's host keeps the dumps 56 days told each person
whose data it destroyed that backups hold it 30 days at most, and neither its start nor /healthz
said anything (consent.I002 and `same_settings` named the other shared settings only). Its start
names the variable now, never its value (consent/common/shared_settings.py).

Real parts: a fresh PostgreSQL database, each host a process of its own with its environment."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_database, redis_cache, shell, site_env

pytestmark = pytest.mark.live
KEY = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="


@pytest.fixture(scope="module")
def serving(django_db_setup, django_db_blocker):
    """The host that serves, with the default terms: it noted them once (a start of its own is
    ~1.5 CPU-s), which every variable's other host reads within the 10 minutes. A start's check
    notes nothing, so no case sees another's host."""
    with django_db_blocker.unblock(), live_database() as url, redis_cache(11) as cache:
        env = site_env(url, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                       ALLOWED_HOSTS="emaluplus-vko.kz", MEDIA_ENCRYPTION_KEY=KEY,
                       **cache)  # fmt: skip
        shell("from consent.core.keys import note_keys; note_keys()", env)  # it serves
        yield env


@pytest.mark.parametrize(
    "variable", ["BACKUP_KEEP_DAYS", "SIGN_IN_FAILURES_KEPT_DAYS", "STAFF_SIGN_INS_KEPT_DAYS"]
)
def test_a_host_counting_another_term_is_named_at_its_start(variable, serving):
    other = {**serving, variable: "30"}
    started = subprocess.run([PYTHON, "manage.py", "check", "--deploy"], cwd=ROOT,
                             env=other, capture_output=True, text=True)  # fmt: skip
    output = started.stdout + started.stderr
    said = [line for line in output.splitlines() if "I002" in line]
    assert said == [
        f"?: (consent.I002) {variable}: a host (this one before its restart, or another) held "
        "a different value in the last 10 minutes (its pages or /healthz noted a digest of it)."
    ], output
