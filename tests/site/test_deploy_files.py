"""The systemd units and the nginx site in docs/deploy/ as an operator installs them: they must
not rot (issue 19 item 6)."""

import configparser
import json
import re
import shutil
import struct
import subprocess
from datetime import datetime, timedelta
from fnmatch import fnmatch
from pathlib import Path

import cffi
import pytest
from django.core.management import get_commands

from tests.live import (
    NGINX,
    PYTHON,
    ROOT,
    free_port,
    gunicorn,
    live_database,
    nginx_config,
    redis_cache,
    site_env,
)

DEPLOY = ROOT / "docs" / "deploy"
UNITS = sorted([*DEPLOY.glob("*.service"), *DEPLOY.glob("*.timer")])
APP = "/srv/emalu/app"


def unit(path):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def test_every_service_runs_a_command_that_exists():
    commands = get_commands()
    services = [p for p in UNITS if p.suffix == ".service"]
    assert {p.name for p in services} >= {"emalu.service", "emalu-mail.service",
                                          "emalu-campaigns.service",
                                          "emalu-retention.service"}  # fmt: skip
    for path in services:
        service = unit(path)["Service"]
        assert service["WorkingDirectory"] == APP, path.name
        exec_start = service["ExecStart"]
        for program in re.findall(rf"{APP}/(\S+)", exec_start):
            assert (ROOT / program).exists() or program.startswith(".venv/"), program
        for name in re.findall(r"manage\.py (\w+)", exec_start):
            assert name in commands, f"{path.name}: no command {name}"
        if "gunicorn" in exec_start:
            assert (ROOT / re.search(r"-c (\S+)", exec_start).group(1)).exists()


def test_a_job_that_fails_fails_its_unit_and_no_other():
    """A command run with "-" before it fails in silence: send_campaigns was, so that the outbox
    delivered after it in the same unit went out all the same, and a campaign that could not be
    queued (the database refusing: exit 1, consent/core/jobs.py) was never seen. Each unit runs
    one command without "-", so a failure leaves its own unit failed (`systemctl --failed`),
    and each job is a unit of its own that a timer the operator enables (README, step 6) starts."""
    timers = [p for p in UNITS if p.suffix == ".timer"]
    started = {unit(p)["Timer"].get("Unit", p.with_suffix(".service").name) for p in timers}
    unit_of = {}
    for path in (p for p in UNITS if p.suffix == ".service"):
        lines = re.findall(r"^ExecStart=(.*)$", path.read_text(), re.M)
        assert len(lines) == 1 and "-" not in re.match(r"[-@:+!]*", lines[0]).group(), path.name
        if path.name in started:
            unit_of.update(dict.fromkeys(re.findall(r"manage\.py (\w+)", lines[0]), path.name))
    assert unit_of["send_campaigns"] != unit_of["send_queued_mail"]
    step_6 = re.search(r"\n6\. systemd:(.*?)\n7\. ", (ROOT / "README.md").read_text(), re.S)
    assert sorted(p.name for p in timers if p.name not in step_6.group(1)) == []


def test_every_timer_starts_a_service_that_is_shipped():
    for path in (p for p in UNITS if p.suffix == ".timer"):
        started = unit(path)["Timer"].get("Unit", path.with_suffix(".service").name)
        assert (DEPLOY / started).exists(), path.name


# What README's step 3 has an operator make on a fresh host, and nothing more: the code, the
# static folder and the environment file (uploaded files are rows in PostgreSQL).
MADE_BY_STEP_3 = {"/srv/emalu", APP, "/srv/emalu/static", "/etc/emalu/env"}
MUST_EXIST = ("WorkingDirectory", "EnvironmentFile", "ReadWritePaths", "ReadOnlyPaths",
              "InaccessiblePaths", "BindPaths", "BindReadOnlyPaths")  # fmt: skip


def test_every_path_a_unit_needs_is_one_the_steps_make():
    """systemd refuses to start a unit whose WorkingDirectory, EnvironmentFile or namespace
    path (ReadWritePaths ...) does not exist, unless it is marked optional with "-": on a host
    set up by the steps, emalu.service's ReadWritePaths=/srv/emalu/media, a folder no step makes
    since uploaded files became rows, failed every start with 226/NAMESPACE."""
    step_3 = re.search(r"\n3\. Code and environment:(.*?)\n4\. ", (ROOT / "README.md").read_text(),
                       re.S).group(1)  # fmt: skip
    for path in MADE_BY_STEP_3:
        assert f"`{path}`" in step_3, path
    for path in UNITS:
        service = unit(path)["Service"] if path.suffix == ".service" else {}
        for key in MUST_EXIST:
            for needed in service.get(key, "").split():
                if not needed.startswith("-"):
                    assert needed in MADE_BY_STEP_3, f"{path.name}: {key}={needed}"


def test_systemd_accepts_the_units(tmp_path):
    """`systemd-analyze verify` with the app's directory where it is here."""
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    for path in UNITS:
        (tmp_path / path.name).write_text(path.read_text().replace(APP, str(ROOT)))
    names = [str(tmp_path / p.name) for p in UNITS]
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *names],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


# The one rule of hardening: every service shipped carries these lines, the site's and each
# job's alike (the digest, retention and outgrown units had none of them while the others had
# PrivateTmp and NoNewPrivileges: a job ran with more of the host than the site).
# MemoryDenyWriteExecute: nothing the site runs makes memory both writable and executable. Tried
# under the kernel's own form of it (prctl PR_SET_MDWE, which a child inherits): gunicorn and its
# workers, psycopg, Pillow's decoders, fpdf2, cryptography's Fernet and the photo, PDF and
# database-down tests all pass; ctypes callbacks work (libffi's static trampolines). cffi's
# `ffi.callback()` is refused («Cannot allocate write+execute memory»), and no installed package
# calls it (cryptography binds OpenSSL in cffi's API mode, without it): a new dependency that does
# fails under the units: the test below names it.
HARDENING = {
    "NoNewPrivileges": "true", "PrivateTmp": "true", "PrivateDevices": "true",
    "ProtectSystem": "strict", "ProtectHome": "true", "ProtectKernelTunables": "true",
    "ProtectKernelModules": "true", "ProtectKernelLogs": "true", "ProtectControlGroups": "true",
    "ProtectClock": "true", "ProtectHostname": "true", "ProtectProc": "invisible",
    "RestrictSUIDSGID": "true", "RestrictRealtime": "true", "RestrictNamespaces": "true",
    "LockPersonality": "true", "MemoryDenyWriteExecute": "true",
    "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6 AF_NETLINK",
    "SystemCallArchitectures": "native", "CapabilityBoundingSet": "", "UMask": "0027",
}  # fmt: skip


def services_started():
    """Every service an operator installs: each shipped, and each a shipped timer starts."""
    started = {p.name for p in UNITS if p.suffix == ".service"}
    for path in (p for p in UNITS if p.suffix == ".timer"):
        started.add(unit(path)["Timer"].get("Unit", path.with_suffix(".service").name))
    return sorted(started)


@pytest.mark.parametrize("name", services_started())
def test_every_unit_runs_with_the_same_hardening(name):
    service = dict(unit(DEPLOY / name)["Service"])
    assert {key: service.get(key) for key in HARDENING} == HARDENING


def test_nothing_installed_needs_memory_both_written_and_run():
    """What MemoryDenyWriteExecute refuses: cffi's `ffi.callback()`, and a library whose ELF
    header asks for an executable stack (PT_GNU_STACK with PF_X), which the loader then fails."""
    packages = Path(cffi.__file__).parents[1]
    calling = [str(p) for p in packages.rglob("*.py") if "ffi.callback(" in p.read_text("latin-1")
               and not p.is_relative_to(packages / "cffi") and "test" not in p.name]  # fmt: skip
    stacks = []
    for path in (*packages.rglob("*.so"), *packages.rglob("*.so.*")):
        data = path.read_bytes()
        (headers,) = struct.unpack_from("<Q", data, 0x20)  # ELF64: e_phoff
        size, count = struct.unpack_from("<HH", data, 0x36)  # e_phentsize, e_phnum
        for i in range(count):
            kind, flags = struct.unpack_from("<II", data, headers + i * size)
            stacks += [str(path)] if kind == 0x6474E551 and flags & 1 else []
    assert (calling, stacks) == ([], [])


def test_systemd_rates_every_unit_safe(tmp_path):
    """`systemd-analyze security` reads the units as systemd would: each one «OK» or better
    (3.1 each today; 8.7 «EXPOSED» for the site before, 9.2 «UNSAFE» for the digest job without)."""
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    for path in (p for p in UNITS if p.suffix == ".service"):
        copy = tmp_path / path.name
        copy.write_text(path.read_text().replace(APP, str(ROOT)))
        result = subprocess.run(["systemd-analyze", "security", "--offline=true", "--no-pager",
                                 "--threshold=40", str(copy)],
                                capture_output=True, text=True, timeout=60)  # fmt: skip
        assert result.returncode == 0, (path.name, result.stdout[-300:])


def test_nginx_accepts_the_site(tmp_path):
    """`nginx -t` on docs/deploy/nginx.conf, its paths and ports moved to a temporary place."""
    if not shutil.which(NGINX):
        pytest.skip("nginx is not installed")
    nginx_config(free_port(), tmp_path)  # asserts that nginx -t passes


def test_the_example_environment_reads_the_same_in_systemd_sh_and_django(tmp_path):
    """.env.example becomes /etc/emalu/env, which systemd's EnvironmentFile reads for the units
    and `sh` for the release step, or .env, which django-environ reads: none of them strips a
    comment after a value, so a comment stands on a line of its own, and a value with a space is
    quoted for `sh`. Every variable it names is one the settings or gunicorn read."""
    example = (ROOT / ".env.example").read_text()
    read = "".join((ROOT / "emalu" / name).read_text() for name in ("settings.py", "gunicorn.py"))
    for line in example.splitlines():
        if not line or line.startswith("#"):
            continue
        name, value = line.split("=", 1)
        assert "#" not in value or value.startswith('"'), line
        assert " " not in value or (value[0] == value[-1] == '"'), line
        assert f'"{name}"' in read, f"{name} is read by neither emalu/settings.py nor gunicorn.py"
    env_file = tmp_path / ".env"
    env_file.write_text(example)
    code = (
        f"import environ; environ.Env.read_env({str(env_file)!r});"
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DATABASES['default']['CONN_MAX_AGE'], settings.ALLOWED_HOSTS)"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "emalu.settings"}
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1) == ["60", "['emaluplus-vko.kz', 'www.emaluplus-vko.kz']\n"]


@pytest.mark.live
def test_a_host_with_a_cache_of_its_own_does_not_start(django_db_setup, django_db_blocker):
    """emalu.service's ExecStartPre, on a second host whose /etc/emalu/env lacks CACHE_URL: it
    would count rate limits and keep pages on its own, and `release` ran the checks elsewhere."""
    command = unit(DEPLOY / "emalu.service")["Service"]["ExecStartPre"]
    assert "manage.py check --deploy --fail-level WARNING" in command
    argv = [PYTHON, *command.split()[1:]]  # the venv's python is this one
    with django_db_blocker.unblock(), live_database() as url, redis_cache(11) as cache:
        key = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
        env = site_env(url, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                       ALLOWED_HOSTS="emaluplus-vko.kz", MEDIA_ENCRYPTION_KEY=key)  # fmt: skip
        env.pop("CACHE_URL", None)
        ok = subprocess.run(argv, cwd=ROOT, env={**env, **cache}, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
        assert ok.returncode == 0, ok.stderr
        alone = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=60)  # fmt: skip
    assert alone.returncode != 0 and "consent.W002" in alone.stderr


@pytest.mark.live
def test_gunicorn_opens_no_control_socket_another_instance_could_take(
    django_db_setup, django_db_blocker, tmp_path
):
    """gunicorn's control socket has one path per user ($XDG_RUNTIME_DIR or ~/.gunicorn): two
    sites, or two copies of one, on a host would share it, each start taking it from the other.
    The site started with emalu/gunicorn.py makes none."""
    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir(), runtime.mkdir()
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, HOME=str(home), XDG_RUNTIME_DIR=str(runtime)) as (_port, proc),
    ):
        assert [*home.rglob("*"), *runtime.rglob("*")] == []
        assert "Control socket" not in proc.stop()  # gunicorn removes its socket as it stops


# Runs emalu/settings.py and emalu/gunicorn.py with an environment that records each variable
# they (or django-environ for them) look up, and prints the names.
RECORD_READS = """
import json, os, runpy, sys
import environ
read = set()
readers = ("emalu/settings.py", "emalu/env.py", "emalu/gunicorn.py", "environ/environ.py")
class Recorder(dict):
    def _note(self, name):
        if sys._getframe(2).f_code.co_filename.endswith(readers):
            read.add(name)
    def __getitem__(self, name):
        self._note(name)
        return super().__getitem__(name)
    def get(self, name, default=None):
        self._note(name)
        return super().get(name, default)
    def __contains__(self, name):
        self._note(name)
        return super().__contains__(name)
environ.Env.ENVIRON = os.environ = Recorder(os.environ)
runpy.run_path("emalu/settings.py")
runpy.run_path("emalu/gunicorn.py")
print(json.dumps(sorted(read)))
"""


def test_every_variable_the_site_reads_is_documented():
    """An operator learns the variables from the README's table and .env.example: one the
    settings or gunicorn read that neither names is a behaviour nobody can find (OPERATOR_SITE in
    the consent texts, the ALERT_ thresholds, LOG_LEVEL were read and named nowhere)."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "SECRET_KEY": "x",
           "DATABASE_URL": "postgres://emalu_app@127.0.0.1:5432/emalu"}  # fmt: skip
    result = subprocess.run([PYTHON, "-c", RECORD_READS], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    read = set(json.loads(result.stdout))
    assert {"DATABASE_APP_ROLE", "GUNICORN_BIND", "FORM_RATE_LIMIT"} <= read  # it sees them all
    example = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.M))
    readme = (ROOT / "README.md").read_text().split("## Configuration", 1)[1]
    in_table = set(re.findall(r"`([A-Z][A-Z0-9_]*)`", readme.split("\n\n## ", 1)[0]))
    assert sorted(read - example) == []
    assert sorted(read - in_table) == []
    # and the other way: a variable the table's first column or .env.example names that nothing
    # reads (renamed in the settings, its old name left) is one an operator sets for nothing
    first_column = "".join(re.findall(r"^\| ([^|]+) \|", readme.split("\n\n## ", 1)[0], re.M))
    named = example | set(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_column))
    assert len(named) > 70 and sorted(named - read) == []


DAILY_JOBS = {"emalu-digest.timer": "manage.py send_request_digest",
              "emalu-retention.timer": "manage.py enforce_retention",
              "emalu-outgrown.timer": "manage.py close_outgrown_requests",
              "emalu-backup.timer": "scripts/backup"}  # fmt: skip


@pytest.mark.parametrize("timer", sorted(DAILY_JOBS))
def test_a_daily_job_that_failed_runs_again_the_same_day(timer):
    """The daily jobs run once a day however often they are started (consent/core/jobs.py: a
    failed run records nothing and «runs again»), but each timer started its job once a day:
    a digest failed at 08:30 (the database restarting, the clock off) waited for the next
    morning, and the officers for the day's deadlines. Each timer now starts its job several
    times a day; only the first run that goes to the end does the work."""
    spec = unit(DEPLOY / timer)["Timer"]["OnCalendar"]
    service = unit(DEPLOY / timer.replace(".timer", ".service"))["Service"]["ExecStart"]
    assert DAILY_JOBS[timer] in service
    shown = subprocess.run(["systemd-analyze", "calendar", "--iterations=48", spec],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    starts = [
        datetime.fromisoformat(t)
        for t in re.findall(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC", shown)
    ]
    first_day = [t for t in starts if t - starts[0] < timedelta(hours=24)]
    assert len(first_day) >= 3, shown


def test_a_restore_stops_every_unit_that_runs_the_site_before_it_lists_the_destructions():
    """docs/deploy/backups.md, restore step 1, as systemctl reads its patterns: every unit of
    docs/deploy/ is stopped. It stopped the site and the timers, not what they had started:
    a retention run still going destroyed people after step 2 listed the destructions, so the
    restored database brought them back, and the mail worker went on sending."""
    text = (DEPLOY / "backups.md").read_text()
    step = re.search(r"^1\. Stop .*?`systemctl stop ([^`]+)`", text, re.M | re.S)
    patterns = [p.strip("'\"") for p in step[1].split()]
    for path in UNITS:
        assert any(fnmatch(path.name, p) for p in patterns), (path.name, patterns)
