"""A variable of /etc/emalu/env with its name mistyped was read by nothing, and the site ran on
that setting's default: ALLOWED_HOST left every page a 400, ADMIN left 500s unheard of,
SECRET_KEY_FALLBACK broke every link signed with the old key. emalu.service's `check --deploy
--fail-level WARNING` now stops the start, naming the name it reads."""

import pytest

from emalu.checks_names import check_variable_names, documented_names


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ALLOWED_HOST", "ALLOWED_HOSTS"), ("ADMIN", "ADMINS"), ("Debug", "DEBUG"),
     ("SECRET_KEY_FALLBACK", "SECRET_KEY_FALLBACKS"), ("TRUSTED_PROXY", "TRUSTED_PROXIES"),
     ("DATA_HOST_IN_KAZAKHSTAN", "DATA_HOSTS_IN_KAZAKHSTAN"),
     # Named as Django's settings or other projects name them: far from any name of ours.
     ("EMAIL_HOST", "EMAIL_URL"), ("EMAIL_HOST_PASSWORD", "EMAIL_URL"), ("DB_HOST", "DATABASE_URL"),
     ("DATABASE_PASSWORD", "DATABASE_URL"), ("REDIS_URL", "CACHE_URL"),
     ("DJANGO_SECRET_KEY", "SECRET_KEY"), ("DJANGO_ALLOWED_HOSTS", "ALLOWED_HOSTS")],
)  # fmt: skip
def test_a_mistyped_name_stops_the_start_naming_the_one_read(monkeypatch, typed, meant):
    monkeypatch.setenv(typed, "pw-value-never-shown")
    (said,) = [w for w in check_variable_names(None) if typed in w.msg]
    assert said.id == "emalu.W008"
    assert said.msg.startswith(f"{typed} is not a variable the site reads: {meant} is")
    assert "pw-value-never-shown" not in said.msg + said.hint


def test_the_names_the_site_reads_and_the_hosts_own_stop_nothing(monkeypatch):
    for name in documented_names():
        monkeypatch.setenv(name, "x")
    for name in ["PATH", "HOME", "LANG", "INVOCATION_ID", "JOURNAL_STREAM", "NOTIFY_SOCKET",
                 "DJANGO_SETTINGS_MODULE", "TEST_DATABASE_URL", "BACKUP_DIR", "BACKUP_RECIPIENT",
                 "BACKUP_KEEP_DAYS", "PGPASSWORD", "TZ"]:  # fmt: skip
        monkeypatch.setenv(name, "x")
    assert check_variable_names(None) == []


@pytest.mark.live
@pytest.mark.django_db
def test_the_relay_named_as_django_names_it_stops_the_start_not_the_mail(django_db_blocker):
    """EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER and EMAIL_HOST_PASSWORD, as a Django project's env
    file has them, were read by nothing: the host started (the relay check at the start is
    information) and mailed through 127.0.0.1:25, Debian's own exim where there is one, which
    sends on unsigned. emalu.service's check stops the start, naming EMAIL_URL once a name."""
    import subprocess

    from tests.live import PYTHON, ROOT, live_database, site_env

    relay = {"EMAIL_HOST": "smtp.example.kz", "EMAIL_PORT": "587", "EMAIL_HOST_USER": "noreply",
             "EMAIL_HOST_PASSWORD": "relay-pw-never-shown"}  # fmt: skip
    with django_db_blocker.unblock(), live_database() as url:
        started = subprocess.run(
            [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=ROOT, env=site_env(url, **relay), capture_output=True, text=True,
        )  # fmt: skip
    output = started.stdout + started.stderr
    assert started.returncode == 1
    for name in relay:
        assert f"(emalu.W008) {name} is not a variable the site reads: EMAIL_URL is" in output
    assert "relay-pw-never-shown" not in output
