"""A variable the site cannot start without (SECRET_KEY, DATABASE_URL) left empty, as a file made
from .env.example has it: named in one line in production, and as if not set for local work
(emalu/env.py `Env.NEEDED`)."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, site_env


@pytest.mark.parametrize("name", ["SECRET_KEY", "DATABASE_URL"])
@pytest.mark.parametrize("value", ["", "  "])
def test_a_needed_variable_left_empty_in_the_file_is_named(name, value):
    """`SECRET_KEY=` left empty in a file made from .env.example: the start's check (and every
    command) stopped in a traceback, «The SECRET_KEY setting must not be empty»; an empty
    DATABASE_URL was called malformed. Now one line says which is empty and where it goes."""
    env = site_env("postgres://emalu_app@127.0.0.1:5432/emalu", **{name: value})
    done = subprocess.run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line == (
        f"{name} is empty: give it its value in /etc/emalu/env, the same on every host "
        "(README, Deploying, step 3; .env.example says how to make it)."
    )


@pytest.mark.parametrize("name", ["SECRET_KEY", "DATABASE_URL"])
def test_a_needed_variable_left_empty_for_local_work_is_as_if_not_set(name, tmp_path):
    """The same line left empty in a local .env (DEBUG=1), where a variable not set has its
    stand-in (README, the variables' table): it stopped in the same traceback, «The SECRET_KEY
    setting must not be empty», and DATABASE_URL was called malformed."""
    env = site_env("", STATIC_ROOT=str(tmp_path), DEBUG="1") | {name: ""}
    if name == "SECRET_KEY":
        env.pop("DATABASE_URL", None)  # not set: local work's SQLite
    shown = "from django.conf import settings as s; print(s.SECRET_KEY, s.DATABASES['default'])"
    done = subprocess.run([PYTHON, "manage.py", "shell", "-v", "0", "-c", shown],
                          cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    key, _, database = done.stdout.partition(" ")
    assert key == ("dev-only-insecure-key" if name == "SECRET_KEY" else env["SECRET_KEY"])
    assert "sqlite3" in database
