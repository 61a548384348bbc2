"""A variable of /etc/emalu/env that cannot be read stops the site with a message naming it, and
never shows its value: a URL holds a password, and the traceback goes to the journal.

The settings module is run as the site starts it, in this process with the site's environment
(its traceback would print what the exception holds: its message and what it is chained to)."""

import os
import runpy
import socket
import subprocess

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.live import PYTHON, ROOT, silent_server, site_env

SECRET = "pw-s3cr3t-9a7"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:notaport/emalu"),
        # A scheme no backend has, and a word that is no URL: Django's start-up traceback.
        ("DATABASE_URL", f"postgress://emalu_app:{SECRET}@127.0.0.1:5432/emalu"),
        ("DATABASE_URL", f"emalu{SECRET}"),
        ("CACHE_URL", f"redis//:{SECRET}@127.0.0.1:6379/1"),
        ("EMAIL_URL", f"smtp+tls://mailer:{SECRET}@smtp.example.kz:587x"),
        ("CONN_MAX_AGE", "60   # seconds"),
        # Read on every form post: malformed, each post was a 500 while `check` passed.
        ("FORM_RATE_LIMIT", "five"),
        ("FAILED_LOGIN_AUDIT_LIMIT", "20/0"),
        # A word that is neither yes nor no: read as no, a production site quietly stopped
        # sending HTTP to HTTPS.
        ("SECURE_SSL_REDIRECT", "ture"),
        ("DEBUG", "maybe"),
        # Numbers no rule can use: a request due before it came, an answered inquiry erased at
        # once, a log level the logging set-up refused with a traceback, an admin at /stafflogin/.
        ("ACCESS_REQUEST_DAYS", "-1"),
        ("ACCESS_REQUEST_DAYS", "0"),
        ("SERVICE_ACHIEVED_GRACE_DAYS", "-3"),
        ("MAIL_RETRY_SECONDS", "-600"),
        ("LOG_LEVEL", "LOUD"),
        ("ADMIN_URL", "staff"),
        ("ADMIN_URL", "/staff/"),
        # A database the site does not run on: Django's start-up traceback on a missing driver.
        ("DATABASE_URL", f"mysql://emalu:{SECRET}@127.0.0.1:3306/emalu"),
        # A host written as an address: it matched no request, every page answered 400.
        ("ALLOWED_HOSTS", "https://emaluplus-vko.kz"),
        ("ALLOWED_HOSTS", "emaluplus-vko.kz,www.emaluplus-vko.kz/"),
        ("ALLOWED_HOSTS", "emaluplus-vko.kz:443"),
        # An origin with a path or «/» after it: no browser sends it, posts from it were 403.
        ("CSRF_TRUSTED_ORIGINS", "https://emaluplus-vko.kz/"),
        ("CSRF_TRUSTED_ORIGINS", "emalu.example.kz"),
        # A colon shifts every field of a Feedback-ID; Gmail gives nothing for an id of over 15.
        ("FEEDBACK_SENDER_ID", "emalu:news"),
        ("FEEDBACK_SENDER_ID", "emaluplus-vko-kz-news"),
        # A Redis database that is no number: redis-py quietly took database 0.
        ("CACHE_URL", f"redis://:{SECRET}@127.0.0.1:6379/1x"),
        ("CACHE_URL", f"redis://:{SECRET}@127.0.0.1:6379/1,redis://:{SECRET}@10.0.0.5:6379/cache"),
        # A password with «/», «?» or «#» as it is: they end the host part, and the host was
        # looked for at a piece of the password, named in the journal with the rest of it.
        ("DATABASE_URL", f"postgres://emalu_app:p@ss/{SECRET}@127.0.0.1:5432/emalu"),
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}?x@127.0.0.1:5432/emalu"),
        ("CACHE_URL", f"redis://:{SECRET}/x@127.0.0.1:6379/1"),
        ("EMAIL_URL", f"smtp+tls://mailer:{SECRET}#x@smtp.example.kz:587"),
        ("IMAP_URL", f"imaps://requests:{SECRET}/x@mail.example.kz:993/INBOX"),
        # What the site read but the nightly backup's pg_dump (libpq) did not: the backup failed
        # every night, the first with the host «{SECRET}@127.0.0.1» in its line.
        ("DATABASE_URL", f"postgres://emalu_app:p@{SECRET}@127.0.0.1:5432/emalu"),
        ("DATABASE_URL", f"pgsql://emalu_app:{SECRET}@127.0.0.1:5432/emalu"),
        # The database's name left off: Django's start-up stopped in a traceback.
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:5432"),
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:5432/"),
        ("DATABASE_URL", f"postgresql://emalu_app:{SECRET}@db.example.kz"),
        # After «?», what libpq does not read (README: `?connect_timeout=N`): every start,
        # release and request stopped in psycopg's traceback.
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:5432/emalu?connect_timout=9"),
        ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:5432/emalu?connect_timeout=9s"),
    ],
)
def test_a_malformed_variable_is_named_and_its_value_not_shown(monkeypatch, name, value):
    for key, setting in site_env(
        "postgres://emalu_app@127.0.0.1:5432/emalu", **{name: value}
    ).items():
        monkeypatch.setenv(key, setting)
    with pytest.raises(ImproperlyConfigured) as raised:
        runpy.run_path(str(ROOT / "emalu" / "settings.py"))
    error = raised.value
    assert str(error).startswith(f"{name} "), error
    assert SECRET not in str(error) and value not in str(error)
    # No parser's exception (which holds the value) chained to it, as cause or as context.
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_a_list_typed_with_spaces_after_its_commas_is_read_as_its_entries(monkeypatch):
    """ADMINS=a, b was read so, but ALLOWED_HOSTS=emaluplus-vko.kz, www.emaluplus-vko.kz stopped
    the start («not a host name») and TRUSTED_PROXIES kept « 10.0.0.0/24» with its space."""
    spaced = {"ALLOWED_HOSTS": "emaluplus-vko.kz, www.emaluplus-vko.kz ,",
              "CSRF_TRUSTED_ORIGINS": "https://emaluplus-vko.kz, https://www.emaluplus-vko.kz",
              "TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/24",
              "ADMINS": " ops@example.kz, dev@example.kz",
              "DATA_HOSTS_IN_KAZAKHSTAN": "db.example.kz, 10.0.0.5"}  # fmt: skip
    for key, setting in site_env("postgres://emalu_app@127.0.0.1:5432/emalu", **spaced).items():
        monkeypatch.setenv(key, setting)
    read = runpy.run_path(str(ROOT / "emalu" / "settings.py"))
    for name, value in spaced.items():
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        assert [e for e in read[name] if e in entries] == entries, name


def test_a_value_with_spaces_around_it_is_read_without_them(monkeypatch):
    """SITE_URL="https://emaluplus-vko.kz " (quoted, or pasted so): every mailed link read
    «https://emaluplus-vko.kz /kk/…», broken in the mail program, while the checks passed.
    LOG_LEVEL=warning, as other programs take it, stopped the start."""
    spaced = {"SITE_URL": "https://emaluplus-vko.kz ", "ADMIN_URL": " staff-7f3a/ ",
              "DATABASE_URL": "postgres://emalu_app@127.0.0.1:5432/emalu ",
              "EMAIL_URL": "smtp://127.0.0.1:25\t", "DEBUG": "0 ", "OPERATOR_BIN": " 123456789012",
              "RESPONSIBLE_CONTACT": "dpo@example.kz ", "LOG_LEVEL": "warning "}  # fmt: skip
    for key, setting in site_env(None, **spaced).items():
        monkeypatch.setenv(key, setting)
    read = runpy.run_path(str(ROOT / "emalu" / "settings.py"))
    assert read["SITE_URL"] == "https://emaluplus-vko.kz" and read["ADMIN_URL"] == "staff-7f3a/"
    assert read["DATABASES"]["default"]["NAME"] == "emalu" and read["DEBUG"] is False
    assert read["MAILERS"]["default"]["OPTIONS"]["port"] == 25
    assert read["OPERATOR"]["bin"] == "123456789012"
    assert read["OPERATOR"]["responsible_contact"] == "dpo@example.kz"
    assert read["LOGGING"]["root"]["level"] == "WARNING"  # in any letter case, as a log level


@pytest.mark.parametrize("site_url", ["https://emalu plus.kz", "https://emaluplus-vko.kz\x00"])
def test_a_site_url_whose_host_is_no_host_name_is_named(settings, site_url):
    """Its host read as none, the check that it is one ALLOWED_HOSTS lists passed it."""
    from emalu.checks import check_site_url_allowed

    settings.DEBUG, settings.SITE_URL = False, site_url
    settings.ALLOWED_HOSTS = ["emaluplus-vko.kz"]
    assert [w.id for w in check_site_url_allowed(None)] == ["emalu.W004"]
    settings.SITE_URL = "https://emaluplus-vko.kz"
    assert check_site_url_allowed(None) == []


@pytest.mark.parametrize("zone", ["UTC", "Europe/Moscow"])
def test_no_host_counts_legal_dates_in_another_zone(monkeypatch, zone):
    """Legal dates are Kazakhstan's (Asia/Almaty) on every host: a TIME_ZONE left in a host's
    environment (the README once listed it as a variable) changes nothing."""
    for key, setting in site_env("postgres://emalu_app@127.0.0.1:5432/emalu").items():
        monkeypatch.setenv(key, setting)
    monkeypatch.setenv("TIME_ZONE", zone)
    monkeypatch.setenv("TZ", zone)
    assert runpy.run_path(str(ROOT / "emalu" / "settings.py"))["TIME_ZONE"] == "Asia/Almaty"


@pytest.mark.parametrize(
    ("name", "value"),
    [("SECRET_KEY", None), ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:port/emalu"),
     ("DATABASE_URL", f"emalu{SECRET}"),
     ("DATABASE_URL", f"postgres://emalu_app:{SECRET}@127.0.0.1:5432/"),
     # Missing, a production host ran on a SQLite file of its own («lacks a migration»).
     ("DATABASE_URL", None)],
)  # fmt: skip
def test_every_command_names_the_variable_in_one_line(name, value):
    """release, the timers' jobs and emalu.service's ExecStartPre are manage.py commands: the
    journal got Django's start-up traceback, forty lines with the variable in the last."""
    env = site_env("postgres://emalu_app@127.0.0.1:5432/emalu", **{name: value or ""})
    if value is None:
        del env[name]
    done = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and name in done.stderr, done.stderr
    assert SECRET not in done.stderr


def test_a_command_given_other_settings_reads_those():
    """`--settings` is read before the environment is judged, as Django reads it: the test
    overlay supplies what production's environment must."""
    env = site_env("postgres://emalu_app@127.0.0.1:5432/emalu")
    del env["SECRET_KEY"]
    done = subprocess.run([PYTHON, "manage.py", "check", "--settings=tests.settings"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "name", ["GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "GUNICORN_WORKER_MEMORY_MB"]
)
@pytest.mark.parametrize("value", ["three", ""])
def test_gunicorn_names_a_number_it_cannot_read(monkeypatch, name, value):
    """gunicorn answered a malformed number in emalu/gunicorn.py with "Failed to read config
    file" and a traceback; a SystemExit passes through it as its one line."""
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))
    assert str(stopped.value.code).startswith(f"{name} is not a whole number")


@pytest.mark.parametrize(
    ("name", "value", "least"),
    [("GUNICORN_WORKERS", "0", 1), ("GUNICORN_WORKERS", "-2", 1), ("GUNICORN_THREADS", "0", 1),
     ("GUNICORN_TIMEOUT", "-1", 0), ("GUNICORN_WORKER_MEMORY_MB", "-384", 0)],
)  # fmt: skip
def test_gunicorn_names_a_number_below_what_it_can_run_on(monkeypatch, name, value, least):
    """GUNICORN_WORKERS=0 started a master with no worker: listening, ready to systemd, and
    every request waited until nginx gave up on it."""
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))
    assert str(stopped.value.code).startswith(f"{name} is below {least}, the least it may be")


@pytest.mark.parametrize("value", ["", "127.0.0.1:", "127.0.0.1:99999", "http://127.0.0.1:8000"])
def test_gunicorn_names_an_address_it_cannot_bind(monkeypatch, value):
    """GUNICORN_BIND left empty had gunicorn listen nowhere, and each worker it booted fail on
    a traceback, again and again, with systemd seeing it running; a port past 65535 stopped
    it on a traceback ending in OverflowError."""
    monkeypatch.setenv("GUNICORN_BIND", value)
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))
    assert str(stopped.value.code).startswith("GUNICORN_BIND is not host:port")


@pytest.mark.parametrize(
    "value",
    [
        "127.0.0.1:8000",
        "10.0.0.12:8000",
        "[::1]:8000",
        "localhost",
        "unix:/run/emalu.sock",
        "fd://3",
        "tcp://127.0.0.1:8000",
    ],
)
def test_gunicorn_takes_the_addresses_it_binds(monkeypatch, value):
    monkeypatch.setenv("GUNICORN_BIND", value)
    assert runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))["bind"] == value


def test_gunicorn_reads_its_values_without_the_spaces_around_them(monkeypatch):
    """As the site's settings do (emalu/env.py, Trimmed): GUNICORN_BIND="127.0.0.1:8000 " was
    refused as «not host:port», GUNICORN_ACCESS_LOG="- " taken as a file of that name."""
    spaced = {"GUNICORN_BIND": "127.0.0.1:8000 ", "GUNICORN_WORKERS": " 2",
              "GUNICORN_ACCESS_LOG": "- ", "FORWARDED_ALLOW_IPS": "10.0.0.1 "}  # fmt: skip
    for name, value in spaced.items():
        monkeypatch.setenv(name, value)
    read = runpy.run_path(str(ROOT / "emalu" / "gunicorn.py"))
    assert (read["bind"], read["workers"], read["accesslog"]) == ("127.0.0.1:8000", 2, "-")
    assert read["forwarded_allow_ips"] == "10.0.0.1"


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("mistake", ["port", "database"])
@pytest.mark.parametrize("command", ["enforce_retention", "send_queued_mail"])
def test_a_job_that_cannot_reach_the_database_says_so_in_one_line(mistake, command):
    """A wrong DATABASE_URL (or PostgreSQL down) gave the timers' jobs a traceback through
    Django's connection code, the reason at the bottom and nothing on what to do."""
    host = {"port": f"127.0.0.1:{closed_port()}/emalu", "database": "127.0.0.1:5432/no_such_db"}
    env = site_env(f"postgres://postgres:{SECRET}@{host[mistake]}",
                   MEDIA_ENCRYPTION_KEY="dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=")  # fmt: skip
    done = subprocess.run([PYTHON, "manage.py", command], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    where = host[mistake].split("/")[0]
    said = {  # a database mistyped: PostgreSQL answered, and is not said to be down
        "port": f"stopped: the database could not be reached (connection failed: connection to "
        f'server at "127.0.0.1", port {where.split(":")[1]} failed: Connection refused',
        "database": f"stopped: PostgreSQL at {where} answered and refused DATABASE_URL's login "
        '(user postgres, database no_such_db): database "no_such_db" does not exist; correct ',
    }
    assert line.startswith(f"{command} {said[mistake]}"), line
    assert SECRET not in line and done.stdout == ""


def test_a_command_run_without_the_environment_file_says_where_it_is():
    """The most common way to miss every variable: `manage.py createsuperuser` typed at a shell
    that never read /etc/emalu/env. "Set the SECRET_KEY environment variable" named no file."""
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    done = subprocess.run([PYTHON, "manage.py", "createsuperuser"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("SECRET_KEY is not set. A host reads it from /etc/emalu/env")
    assert ". /etc/emalu/env; set +a; .venv/bin/python manage.py" in line


def test_a_job_whose_database_does_not_answer_gives_up_and_says_so():
    """A database host that takes the connection and never answers (frozen, or behind a
    firewall that drops): each job, and each worker's connection, waited for as long as the
    network held it (minutes), with no word. Now it is refused after the connect timeout."""
    with silent_server(hold=60) as port:
        key = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
        env = site_env(f"postgres://postgres:{SECRET}@127.0.0.1:{port}/emalu",
                       MEDIA_ENCRYPTION_KEY=key)  # fmt: skip
        done = subprocess.run([PYTHON, "manage.py", "send_queued_mail"], cwd=ROOT, env=env,
                              capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("send_queued_mail stopped: the database could not be reached (")
    assert "timeout expired" in line, line  # not the server closing it at last
    assert SECRET not in line


def test_a_local_database_in_a_folder_that_does_not_exist_says_to_make_it(tmp_path):
    """A fresh clone has no var/ until `make run` makes it: `DEBUG=1 manage.py migrate` (or
    `check`) stopped in a traceback through Django's SQLite code, "unable to open database
    file" at its bottom."""
    path = tmp_path / "var" / "emalu.sqlite3"
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{path}",
           "DJANGO_SETTINGS_MODULE": "emalu.settings"}  # fmt: skip
    done = subprocess.run([PYTHON, "manage.py", "migrate"], cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"migrate stopped: the SQLite database {path} could not be opened")
    assert f"mkdir -p {tmp_path / 'var'}" in line


@pytest.mark.parametrize("command", [["check", "--deploy"], ["send_queued_mail"]])
def test_a_runtime_role_the_login_cannot_take_is_named_in_one_line(settings, command):
    """DATABASE_APP_ROLE mistyped, or the owner's URL before README step 2's GRANT: the SET ROLE
    of every connection failed, and every start and job stopped in a traceback ending in
    «permission denied to set role», naming no variable."""
    db = settings.DATABASES["default"]
    login = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"
    env = site_env(login, DATABASE_APP_ROLE="emalu_ap",
                   MEDIA_ENCRYPTION_KEY="dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=")  # fmt: skip
    done = subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if "emalu_ap" in line]
    assert len(said) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "DATABASE_APP_ROLE" in said[0] and 'role "emalu_ap" does not exist' in said[0]
    # Not «GRANT emalu_ap TO …», which the server refuses as well: the role is not there.
    assert "GRANT" not in said[0]
    assert "name in DATABASE_APP_ROLE the runtime role README, Deploying, step 2 made" in said[0]
    # The database answered: it said «could not be reached», and check --deploy's hint «Start
    # PostgreSQL, or correct DATABASE_URL's host, port…».
    assert "could not be reached" not in done.stderr and "Start PostgreSQL" not in done.stderr
