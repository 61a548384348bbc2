"""What every live helper needs: the project's paths, a free port, the served site's environment."""

import itertools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
# The id of a test run split over pytest-xdist workers (conftest.py sets it in the controller).
RUN_ID = "EMALU_TEST_RUN"
LIVE_SECRET_KEY = "live-test-" + "k" * 50


# Ports for this process's servers: below the kernel's ephemeral range (32768 and up, which
# bind(port 0) and every outgoing connection draw from), a block of 2,000 per pytest-xdist
# worker, so that two workers never hand out the same port. A server of another test run on
# this machine could still hold one, hence the bind check; a server that cannot bind its port
# fails loudly, and gunicorn gets its socket ready-bound (servers.gunicorn).
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_PORTS = itertools.count(random.randrange(2000))


def free_port():
    """A port on 127.0.0.1 that nothing listens on, this test worker's own."""
    for _ in range(2000):
        port = 12000 + 2000 * (_WORKER % 10) + next(_PORTS) % 2000
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in this worker's block")


def site_env(url, **extra_env):
    """The environment of the site as operators run it: production settings on `url`, and the
    static files collected, as every host has them (or it does not start: emalu.E005). Its
    settings are production's with emalu.W009 silenced for the superuser's login
    (tests/host_settings.py); `DJANGO_SETTINGS_MODULE="emalu.settings"` hears it."""
    if "STATIC_ROOT" not in extra_env:
        from .database import shared

        extra_env["STATIC_ROOT"] = str(shared.static())
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.host_settings",
        "DEBUG": "0",
        "SECRET_KEY": LIVE_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        **({"DATABASE_URL": url} if url else {}),
        "SECURE_SSL_REDIRECT": "false",
        "OPERATOR_BIN": "123456789012",
        "RESPONSIBLE_PERSON": "Live Test",
        "RESPONSIBLE_CONTACT": "dpo@example.kz",
        "ADMINS": "ops@example.kz",  # or check --deploy refuses the start (emalu.W007)
        **extra_env,
    }


def shell(code, env):
    """Run `code` in `manage.py shell` with the environment `env` (a served site's, or
    site_env()'s): a process of its own, as another host or a person at its console would be.
    What it printed."""
    done = subprocess.run([PYTHON, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True)  # fmt: skip
    return done.stdout


# A host's process as `running_host()` keeps it: each line on its stdin is code (JSON), run as
# `shell` runs it; what it printed (or its traceback) goes back on one line of its stdout.
_HOST = """
import contextlib, io, json, sys, traceback
for line in sys.stdin:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(json.loads(line), {})
        said = {"printed": out.getvalue()}
    except BaseException:
        said = {"error": out.getvalue() + traceback.format_exc()}
    sys.__stdout__.write(json.dumps(said) + "\\n")
    sys.__stdout__.flush()
"""


# A host's start (emalu.service's ExecStartPre: `check --deploy --fail-level WARNING`) in a
# `running_host`: the exit code `manage.py check` gives, and what it said.
_START = """
import io, json
from django.core.management import call_command
from django.core.management.base import SystemCheckError
said, code = io.StringIO(), 0
try:
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=said, stderr=said)
except SystemCheckError as refused:
    said.write(str(refused))
    code = 1
print(json.dumps([code, said.getvalue()]))
"""


class _Host:
    def __init__(self, process, log):
        self.process, self.log = process, log

    def ask(self, code):
        """Run `code` on this host, as `shell(code, env)` would in a process of its own: what it
        printed."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            self.log.seek(0)
            raise RuntimeError(f"the host exited: {self.log.read().decode()}")
        said = json.loads(line)
        if "error" in said:
            raise RuntimeError(said["error"])
        return said["printed"]

    def start(self):
        """This host's start, emalu.service's ExecStartPre (`check --deploy --fail-level
        WARNING`), run in its process before it serves: (its exit code, what it said)."""
        code, said = json.loads(self.ask(_START).splitlines()[-1])
        return code, said


@contextmanager
def running_host(env):
    """One host (`manage.py shell`, the environment `env`) running while the block runs: asked
    code (`.ask(code)`), it runs it as `shell(code, env)` would, in the same process each time,
    as a host serving one request after another does. A test that asks one host several things
    pays its start once."""
    # Its log to a file: a pipe nobody reads while it serves would fill and stall it.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([PYTHON, "manage.py", "shell", "-v", "0", "-c", _HOST],
                                   cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=log, text=True)  # fmt: skip
        try:
            yield _Host(process, log)
        finally:
            process.stdin.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()


def run_case(url, module, case, *args, **variables):
    """Function `case` of test module `module`, called with `args`, run on the database `url` in
    a process of its own (test settings, and the environment `variables`: an EMAIL_URL...):
    what it returned, through JSON."""
    code = f"import json; from {module} import {case}; print(json.dumps({case}(*{args!r})))"
    env = site_env(url, DJANGO_SETTINGS_MODULE="tests.settings", **variables)
    return json.loads(shell(code, env).splitlines()[-1])


def wait_for_port(port, log):
    """Wait until a server started in the background accepts on `port` (about 10 s at most);
    otherwise fail with its log."""
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(log.read_text() if log.exists() else f"nothing listens on {port}")


@contextmanager
def redis_cache(db):
    """The environment of a served site's Redis cache (CACHE_URL and CACHE_KEY_PREFIX), its own:
    no other test, and no other test run, shares its page generation, pages or rate counts.
    Its hosts share it, as production's do. Its keys go at the end."""
    import redis

    prefix = f"emalu-test-{uuid.uuid4().hex[:12]}"
    url = f"redis://127.0.0.1:6379/{db}"
    try:
        yield {"CACHE_URL": url, "CACHE_KEY_PREFIX": prefix}
    finally:
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
