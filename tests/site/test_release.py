"""`manage.py release` and the first staff member, as the deploy docs run them (issue 19 item 6)."""

import io
import os
import re
import subprocess
import uuid
from contextlib import contextmanager

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg.sql import SQL, Identifier

from consent.core.keys import key_digest
from tests.live import (
    LIVE_SECRET_KEY,
    PYTHON,
    ROOT,
    _admin_dsn,
    drop_database,
    free_port,
    query,
    redis_cache,
    site_env,
)

STEPS = ["check --deploy", "compilemessages", "collectstatic", "migrate", "encrypt_photos"]

KEY_NOTED = "INSERT INTO consent_keyseen (name, digest, seen_at) VALUES ('SECRET_KEY', %s, now())"


def release(url, tmp_path, **env):
    with redis_cache(11) as cache:
        process = start_release(url, tmp_path, cache, **env)
        stdout, stderr = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def start_release(url, tmp_path, cache, **env):
    """`manage.py release` started in the background, with the Redis environment `cache`."""
    production = {
        "ALLOWED_HOSTS": "emaluplus-vko.kz",
        "TRUSTED_PROXIES": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "true",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "MEDIA_ENCRYPTION_KEY": "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=",
        **env,
    }
    return subprocess.Popen([PYTHON, "manage.py", "release"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env=site_env(url, **cache, **production))  # fmt: skip


@contextmanager
def documented_database():
    """README step 2's SQL as written (its own role names, made unique): (the owner's URL, the
    runtime role's URL, the runtime role's name). Dropped afterwards."""
    readme = (ROOT / "README.md").read_text()
    sql = re.search(r"2\. PostgreSQL:.*?```sql\n(.*?)```", readme, re.S).group(1)
    run = uuid.uuid4().hex[:8]
    names = {"emalu_owner": f"emalu_rel_owner_{run}", "emalu_app": f"emalu_rel_app_{run}",
             "DATABASE emalu ": f"DATABASE emalu_rel_{run} "}  # fmt: skip
    for documented, ours in names.items():
        sql = sql.replace(documented, ours)
    sql = sql.replace("'…'", "'pw'")
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        for statement in filter(str.strip, sql.split(";")):
            admin.execute(statement)
    db = connection.settings_dict
    url = f"postgres://{{}}:pw@{db['HOST']}:{db['PORT']}/emalu_rel_{run}"
    try:
        yield url.format(names["emalu_owner"]), url.format(names["emalu_app"]), names["emalu_app"]
    finally:
        drop_database(f"emalu_rel_{run}")
        with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
            for role in (names["emalu_owner"], names["emalu_app"]):
                admin.execute(SQL("DROP ROLE {}").format(Identifier(role)))


@pytest.mark.live
@pytest.mark.django_db
def test_release_refused_by_check_deploy_changes_nothing(tmp_path):
    """A production site that trusts no proxy fails check --deploy, and the release stops there,
    before anything is changed: a new database stays empty and no static file is written. With
    the check after `migrate` the schema was changed (an upgrade's, under the running site) by a
    release the operator was then told to fix and run again."""
    name = f"emalu_rel_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(SQL("CREATE DATABASE {}").format(Identifier(name)))
    try:
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
        result = release(url, tmp_path, TRUSTED_PROXIES="")
        tables = query(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    finally:
        drop_database(name)
    assert result.returncode != 0
    assert "[1/5] check --deploy" in result.stdout and "[2/5]" not in result.stdout
    assert "release stopped at step 1 (check --deploy)" in result.stderr
    assert "emalu.W001" in result.stderr + result.stdout
    assert "Not run: compilemessages, collectstatic, migrate, encrypt_photos" in result.stderr
    assert tables == [(0,)]
    assert not (tmp_path / "static").exists()


class DocumentedSite:
    """README step 2's SQL as written (its own role names), then step 4 on two hosts at once
    (`first`: {host: (returncode, stdout, stderr)}), with a host logging in as the runtime role
    connected. `upgrade()`, run once for the tests that ask: the database set back to the
    release before (its last migrations not yet applied), a host's start on it, `release`
    again on host one with a host on each login connected, and a host's start on each login.
    One first install and one upgrade serve all three tests (a release takes tens of seconds)."""

    def __init__(self, tmp, owner, app, app_role, cache):
        self.tmp, self.owner, self.app, self.app_role, self.cache = tmp, owner, app, app_role, cache
        # W009 heard, as on a host: production's settings (the test suite's silence it for its
        # superuser login, tests/host_settings.py).
        self.production = {
            "DATABASE_APP_ROLE": app_role,
            "DJANGO_SETTINGS_MODULE": "emalu.settings",
        }
        with connected(app):
            hosts = {host: start_release(owner, tmp / host, cache, **self.production)
                     for host in ("one", "two")}  # fmt: skip
            said = {host: process.communicate(timeout=600) for host, process in hosts.items()}
        self.first = {host: (hosts[host].returncode, *said[host]) for host in hosts}
        # Run again before any host serves (the first stopped, say, at step 2's GRANT missing).
        process = start_release(owner, tmp / "one", cache, **self.production)
        said_again = process.communicate(timeout=600)  # before its return code is read
        self.again = (process.returncode, *said_again)
        self._upgraded = None

    def host_env(self, url):
        """A host's environment, production's, on host one's collected static files."""
        static = str(self.tmp / "one" / "static")
        production = {"ALLOWED_HOSTS": "emaluplus-vko.kz", "TRUSTED_PROXIES": "127.0.0.1",
                      "SECURE_SSL_REDIRECT": "true", "STATIC_ROOT": static,
                      "MEDIA_ENCRYPTION_KEY": KEY}  # fmt: skip
        return site_env(url, **self.cache, **production, **self.production)

    def host_start(self, url):
        """emalu.service's ExecStartPre on `url`: its exit code and what it said."""
        done = subprocess.run([PYTHON, "manage.py", *HOST_START], cwd=ROOT, env=self.host_env(url),
                              capture_output=True, text=True)  # fmt: skip
        return done.returncode, done.stderr

    def upgrade(self):
        if self._upgraded is None:
            # The database of the release before: its last migrations not yet applied.
            back = [PYTHON, "manage.py", "migrate", "rights", "0024"]
            subprocess.run(back, cwd=ROOT, env=self.host_env(self.owner), check=True,
                           capture_output=True)  # fmt: skip
            refused = self.host_start(self.app)
            # The release before served: its hosts noted their keys, as a serving host does.
            with psycopg.connect(self.app.replace("postgres://", "postgresql://")) as conn:
                conn.execute(KEY_NOTED, [key_digest(LIVE_SECRET_KEY)])
            # Hosts serving with each login (their workers hold their connections) during release.
            with connected(self.app), connected(self.owner):
                process = start_release(self.owner, self.tmp / "one", self.cache, **self.production)
                said = process.communicate(timeout=600)
            released = (process.returncode, *said)
            starts = {"owner": self.host_start(self.owner), "app": self.host_start(self.app)}
            self._upgraded = refused, released, starts
        return self._upgraded


KEY = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
HOST_START = ["check", "--deploy", "--fail-level", "WARNING"]


@contextmanager
def connected(url):
    with psycopg.connect(url.replace("postgres://", "postgresql://")):
        yield


@pytest.fixture(scope="module")
def documented_site(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        documented_database() as (owner, app, app_role),
        redis_cache(11) as cache,
    ):
        yield DocumentedSite(tmp_path_factory.mktemp("documented"), owner, app, app_role, cache)


@pytest.mark.live
@pytest.mark.django_db
def test_release_on_the_documented_roles_from_two_hosts_at_once(documented_site):
    """README step 2's SQL as written, then step 4 on two hosts at once: `release` with the
    owner's URL, the runtime role on its own, neither a superuser. Both succeed, each migration
    applied once: at once (two operators), the second failed on a new database ("tuple
    concurrently updated", "relation already exists"), and a data migration could run twice."""
    site = documented_site
    for host, (code, stdout, stderr) in site.first.items():
        assert code == 0, stderr
        for number, step in enumerate(STEPS, 1):
            assert f"[{number}/5] {step}" in stdout
        assert "released" in stdout
        assert (site.tmp / host / "static" / "staticfiles.json").exists()
    # Nothing to reload: no host serves yet. Each says what comes next (the second to start
    # may find the first's schema begun).
    next_steps = "released, a first install: now the first staff member (README, Deploying, step 5)"
    assert any(next_steps in stdout for _, stdout, _ in site.first.values())
    # migrate's progress as migrate prints it: «Applying … OK» on one line, not two.
    said = "".join(stdout for _, stdout, _ in site.first.values())
    assert re.search(r"^  Applying consent\.0001_initial\.\.\. OK$", said, re.M), said
    with psycopg.connect(site.owner.replace("postgres://", "postgresql://")) as conn:
        applied = conn.execute(
            "SELECT count(*), count(DISTINCT (app, name)) FROM django_migrations"
        ).fetchone()
    assert applied[0] == applied[1] > 0
    # Run again before any host served, still a first install (it said to reload every host).
    code, stdout, stderr = site.again
    assert code == 0, stderr
    assert next_steps in stdout and "systemctl reload" not in stdout


@pytest.mark.live
@pytest.mark.django_db
def test_release_says_ahead_that_a_host_logging_in_as_the_owner_will_not_start(documented_site):
    """An install with one URL for everything (the owner's, in /etc/emalu/env) upgraded to code
    with emalu.W009: `release`, itself the owner, passed, the reload kept the host serving, and
    its next restart stopped at W009 with nothing said before. `release` names the login of every
    process connected with it now; with the hosts on the runtime role it says nothing. The
    README's remedy, DATABASE_URL on the runtime role, lets the host start."""
    site = documented_site
    _refused, (code, stdout, stderr), host_starts = site.upgrade()
    assert code == 0, stderr
    # The first install, a host on the runtime role connected: no release named its login
    # (another release, the owner, may be named by the one that ended second).
    app_login = site.app.split("//")[1].split(":")[0]
    for _, _, first_stderr in site.first.values():
        assert app_login not in first_stderr
    # The upgrade, a host on each login connected: one warning, for the owner's alone.
    [warning] = [line for line in stderr.splitlines() if "WARNING" in line]
    owner_login = site.owner.split("//")[1].split(":")[0]
    named = f"log in as {owner_login}, the owner of the site's tables"
    assert "1 other connection(s) to this database" in warning
    assert named in warning and app_login not in stderr
    assert "at its next start (a restart, a reboot) check --deploy stops it (emalu.W009)" in warning
    assert (
        "Before restarting any host, make its /etc/emalu/env's DATABASE_URL log in as the "
        "runtime role" in warning
    )
    # A first install is told its next steps; an upgrade to reload the hosts serving.
    for _, first_stdout, _ in site.first.values():
        first_install = "released, a first install" in first_stdout
        assert first_install != ("systemctl reload emalu` on every host" in first_stdout)
    assert "then `systemctl reload emalu` on every host" in stdout  # done, warned
    code, host_stderr = host_starts["owner"]
    assert code == 1 and f"DATABASE_URL logs in as {owner_login}" in host_stderr  # as foretold
    assert "emalu.W009" not in host_starts["app"][1] and "emalu.E003" not in host_starts["app"][1]


def test_release_without_a_database_stops_before_it_writes_anything(tmp_path):
    """It stopped at step 4 (migrate), with the static files already collected; its check
    --deploy now asks the database first (emalu.E003), naming DATABASE_URL and where."""
    port = free_port()
    result = release(f"postgres://postgres@127.0.0.1:{port}/emalu", tmp_path)
    assert result.returncode != 0 and "[2/5]" not in result.stdout
    assert "release stopped at step 1 (check --deploy)" in result.stderr
    assert f"emalu.E003) DATABASE_URL: the database could not be reached at 127.0.0.1:{port}" in (
        result.stderr
    )
    assert "Not run: compilemessages, collectstatic, migrate, encrypt_photos" in result.stderr
    assert not (tmp_path / "static").exists()


def test_release_with_the_runtime_roles_url_says_it_needs_the_owners(tmp_path):
    """/etc/emalu/env alone names the runtime role: `migrate` failed at step 4 on "permission
    denied for schema public", after the static files were written, without saying why."""
    url = f"postgres://emalu_app@127.0.0.1:{free_port()}/emalu"
    result = release(url, tmp_path, DATABASE_APP_ROLE="emalu_app")
    assert result.returncode != 0 and "[1/5]" not in result.stdout
    assert "DATABASE_URL logs in as emalu_app, the runtime role" in result.stderr
    assert "owner's DATABASE_URL (README, Deploying, step 4)" in result.stderr
    assert not (tmp_path / "static").exists()


def test_the_first_privacy_officer_enrols_with_what_the_command_prints(client, db, settings):
    settings.SITE_URL = "https://emaluplus-vko.kz"
    out = io.StringIO()
    call_command("create_privacy_officer", "aliya", "--email", "aliya@emaluplus-vko.kz",
                 stdout=out)  # fmt: skip
    text = out.getvalue()
    assert f"enrolment: https://emaluplus-vko.kz/{settings.ADMIN_URL}enrol/" in text
    password = text.split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="aliya")
    assert user.check_password(password) and user.is_active
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["privacy_officer"]
    response = client.post(f"/{settings.ADMIN_URL}enrol/",
                           {"username": "aliya", "password": password})  # fmt: skip
    assert response.status_code == 302  # on to the authenticator's code
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_privacy_officer", "aliya", "--email", "a@emaluplus-vko.kz",
                     stdout=io.StringIO())  # fmt: skip


def test_an_officer_with_a_name_the_admin_refuses_is_not_created(db):
    """A name the admin's own forms refuse could not be edited there. The address's refusals:
    tests/site/test_officer_address.py."""
    with pytest.raises(CommandError) as stopped:
        call_command("create_privacy_officer", "Aliya Nur", "--email", "aliya@emaluplus-vko.kz",
                     stdout=io.StringIO())  # fmt: skip
    assert str(stopped.value).startswith("'Aliya Nur' is not a staff member's name: ")
    # The reason in the line's language, English, whatever the site's (Kazakh, by default).
    assert ": Enter a valid username." in str(stopped.value)
    assert str(stopped.value).endswith("Nothing was created.")
    assert not get_user_model().objects.exists()
    with pytest.raises(CommandError, match="--email"):  # and none left out
        call_command("create_privacy_officer", "aliya", stdout=io.StringIO())


def test_catalogues_are_compiled_from_the_code_wherever_the_command_starts(tmp_path):
    """An operator in their home directory, or in /, runs the command by its full path."""
    foreign = tmp_path / "other-project" / "locale" / "kk" / "LC_MESSAGES"
    foreign.mkdir(parents=True)
    (foreign / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run([PYTHON, ROOT / "manage.py", "compilemessages", "--ignore=.venv"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not (foreign / "django.mo").exists()  # nothing of another's is touched
    said = done.stdout + done.stderr
    assert f"{ROOT / 'locale' / 'kk' / 'LC_MESSAGES'}" in said and "other-project" not in said


@pytest.mark.live
@pytest.mark.django_db
def test_a_host_started_on_code_newer_than_its_database_does_not_start(documented_site):
    """The code updated and the host restarted before `release` ran (README step 9): it served
    500 for every page reading what the release adds. emalu.service's ExecStartPre refuses it,
    naming the migration; `release` (whose own check does not ask) applies it, and it starts."""
    refused, released, starts = documented_site.upgrade()
    code, stderr = refused
    assert code == 1
    assert "emalu.E001" in stderr and "rights.0025_ticket_asked_whether" in stderr
    assert "Run `manage.py release` on one host" in stderr
    assert released[0] == 0, released[2]
    assert starts["app"][0] == 0, starts["app"][1]
