"""A web host whose DATABASE_URL logs in as the tables' owner or a superuser, where README step 3
names the runtime role: it started and served with every check passed, though any request could
RESET ROLE from the runtime role back to the owner, who may drop the ledger's triggers. Its start
(emalu.service's `check --deploy --fail-level WARNING`) stops now at emalu.W009, naming the login,
and a host already running says it under /healthz's warnings; `release`, which must migrate as
the owner, runs its checks as before.

The test suite logs in as the cluster's superuser and silences emalu.W009 in its settings modules
(tests/settings.py, tests/host_settings.py): here it is heard, on production's settings."""

import subprocess
import uuid
from contextlib import contextmanager

import pytest
from django.core.checks import run_checks

from emalu.checks import RELEASING
from tests.live import PYTHON, ROOT, live_database, site_env
from tests.site.test_statement_timeout import execute

pytestmark = pytest.mark.django_db

# README step 2: a login that may take the runtime role.
RUNTIME = "GRANT emalu_app TO {r}"
CHECK = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]


@contextmanager
def login(url, *grants):
    """A login role of its own on database `url` (the cluster trusts 127.0.0.1), given `grants`
    (SQL, {r} its name): its DATABASE_URL. Dropped afterwards."""
    role = f"emalu_login_{uuid.uuid4().hex[:8]}"
    execute(url, f"CREATE ROLE {role} LOGIN")
    try:
        for grant in grants:
            execute(url, grant.format(r=role))
        yield url.replace("postgres://postgres@", f"postgres://{role}@"), role
    finally:
        execute(url, f"REASSIGN OWNED BY {role} TO postgres; DROP OWNED BY {role}")
        execute(url, f"DROP ROLE {role}")


def start_check(url, **variables):
    """emalu.service's ExecStartPre on `url`, on production's settings (W009 not silenced): its
    exit code and what it said."""
    env = site_env(url, DJANGO_SETTINGS_MODULE="emalu.settings",
                   MEDIA_ENCRYPTION_KEY="dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=",
                   **variables)  # fmt: skip
    done = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr


@pytest.mark.live
@pytest.mark.parametrize(
    ("grants", "said"),
    [
        ([], "a superuser"),  # postgres itself
        # A login of the owner's group (GRANT emalu_owner TO it): it may SET ROLE to the owner.
        (["GRANT postgres TO {r}", RUNTIME], "which owns the site's tables"),
        # The owner of one table only, the ledger's.
        (["ALTER TABLE consent_ledgerentry OWNER TO {r}", RUNTIME], "which owns the site's tables"),
    ],
)
def test_a_web_host_logging_in_as_the_owner_does_not_start(django_db_blocker, grants, said):
    with django_db_blocker.unblock(), live_database() as url:
        if grants:
            with login(url, *grants) as (owner_url, role):
                code, stderr = start_check(owner_url)
        else:
            code, stderr = start_check(url)
            role = "postgres"
    assert code == 1 and "emalu.W009" in stderr, stderr
    [line] = [line for line in stderr.splitlines() if "emalu.W009" in line]
    assert f"DATABASE_URL logs in as {role}, {said}: a request may RESET ROLE" in line
    assert "log in as the runtime role" in stderr


@pytest.mark.live
def test_a_web_host_logging_in_as_the_runtime_role_is_not_warned(django_db_blocker):
    """README step 2's login for the hosts: a member of the runtime role only."""
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        login(url, RUNTIME) as (runtime_url, _),
    ):
        _code, stderr = start_check(runtime_url)
    assert "emalu.W009" not in stderr and "emalu.E003" not in stderr  # it connected
    assert "DATABASE_URL logs in as" not in stderr


def test_release_runs_its_checks_as_the_owner(settings):
    """`release` migrates, and is given the owner's URL (README step 4): its check --deploy
    does not ask (RELEASING); the same checks at a host's start do."""
    settings.SILENCED_SYSTEM_CHECKS, settings.DEBUG = [], False
    token = RELEASING.set(True)
    try:
        assert "emalu.W009" not in [m.id for m in run_checks(include_deployment_checks=True)]
    finally:
        RELEASING.reset(token)
    assert "emalu.W009" in [m.id for m in run_checks(include_deployment_checks=True)]


def test_healthz_names_a_login_that_owns_the_tables_as_a_warning(client, settings, texts):
    """A host started before the check, or reloaded since (a reload runs no check), serves:
    /healthz says it to the monitoring, as a warning, not a failure."""
    settings.SILENCED_SYSTEM_CHECKS = []
    response = client.get("/healthz", REMOTE_ADDR="127.0.0.1")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert "login_role" in body["warnings"]
    assert body["login_role"] == {"status": "warning", "login_is": "superuser"}


def test_a_runtime_role_refused_is_not_said_to_be_unreachable():
    """A page's 503 line in the journal, for a host whose login may not take DATABASE_APP_ROLE:
    it said «the database could not be reached at 127.0.0.1:5432», which sent the operator to
    a database that was up."""
    import copy

    from django.db import DatabaseError, connection

    from emalu.db.base import DatabaseWrapper
    from emalu.errors import down_cause

    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["APP_ROLE"] = "emalu_no_such_role"
    host = DatabaseWrapper(settings_dict, alias="second_host")
    try:
        with pytest.raises(DatabaseError) as refused:
            host.ensure_connection()
    finally:
        host.close()
    said = down_cause(refused.value)
    assert said.startswith("the database refused this host's runtime role (DATABASE_APP_ROLE: ")
    assert "could not be reached" not in said
    # A role that is not there is named as such: a GRANT of it fails the same way.
    assert "GRANT" not in said and "name in DATABASE_APP_ROLE the runtime role" in said


@pytest.mark.live
def test_a_runtime_role_without_login_is_told_how_to_give_it_one(django_db_blocker):
    """README step 2 makes emalu_app with LOGIN; a role made before it (or NOLOGIN, as a
    migration's grantee is) refused every connection, «role … is not permitted to log in», and
    the start, each job and each page's line said the database «could not be reached … Start
    PostgreSQL»: it was running, and what it needed was the role's LOGIN."""
    from django.db import DatabaseError, connection

    from emalu.db.base import DatabaseWrapper
    from emalu.errors import down_cause

    with django_db_blocker.unblock(), live_database() as url, login(url) as (role_url, role):
        execute(url, f"ALTER ROLE {role} NOLOGIN")
        code, said = start_check(role_url)
        env = site_env(
            role_url, MEDIA_ENCRYPTION_KEY="dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
        )
        job = subprocess.run([PYTHON, "manage.py", "send_queued_mail"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
        host = DatabaseWrapper({**connection.settings_dict, "USER": role}, alias="no_login")
        try:
            with pytest.raises(DatabaseError) as refused:
                host.ensure_connection()
        finally:
            host.close()
    for line in [said, job.stderr, down_cause(refused.value)]:
        assert f'role "{role}" is not permitted to log in' in line, line
        assert f"ALTER ROLE {role} LOGIN PASSWORD" in line, line
        assert "could not be reached" not in line and "Start PostgreSQL" not in line, line
    assert code == 1 and "emalu.E003" in said
    assert job.returncode == 1 and "Traceback" not in job.stderr


@pytest.mark.live
def test_a_runtime_role_that_may_rewrite_the_ledger_does_not_start(django_db_blocker):
    """DATABASE_APP_ROLE naming a role other than the one `release` revoked UPDATE, DELETE and
    TRUNCATE on the append-only tables from (a role made by hand, one release's env did not
    name): the login was no owner, W009 passed, and every request could rewrite the ledger."""
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        login(url, RUNTIME) as (runtime_url, _),
        login(url) as (_, writer),
    ):
        execute(url, f"GRANT {writer} TO {runtime_url.split('@')[0].split('//')[1]}")
        execute(url, f"GRANT USAGE ON SCHEMA public TO {writer}")
        execute(
            url, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writer}"
        )
        code, stderr = start_check(runtime_url, DATABASE_APP_ROLE=writer)
    assert code == 1 and "emalu.W009" in stderr, stderr
    [line] = [line for line in stderr.splitlines() if "emalu.W009" in line]
    assert f"DATABASE_APP_ROLE {writer}, the role requests run as, may UPDATE, DELETE or " in line
    assert "consent_ledgerentry" in line
