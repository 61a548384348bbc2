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
     ("DATA_HOST_IN_KAZAKHSTAN", "DATA_HOSTS_IN_KAZAKHSTAN")],
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
