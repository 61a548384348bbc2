"""What every live helper needs: the project's paths, a free port, the served site's environment."""

import itertools
import json
import os
import random
import socket
import subprocess
import sys
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
    static files collected, as every host has them (or it does not start: emalu.E005)."""
    if "STATIC_ROOT" not in extra_env:
        from .database import shared

        extra_env["STATIC_ROOT"] = str(shared.static())
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emalu.settings",
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
