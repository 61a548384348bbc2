"""An operator runs a command as root where the code belongs to the service user (`emalu`): it
is refused before it writes anything, naming the user to run it as. Run, it left static files,
folders and catalogues emalu could not replace, and the next release stopped at collectstatic on
a PermissionError naming one file."""

import os
import shutil
import subprocess

import pytest

from tests.live import PYTHON, ROOT

NOBODY = 65534  # a user other than the one running the tests


def collectstatic(app, static):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(ROOT),
           "STATIC_ROOT": str(static)}  # fmt: skip
    return subprocess.run([PYTHON, str(app / "manage.py"), "collectstatic", "--no-input", "-v0"],
                          cwd=app, env=env, capture_output=True, text=True)  # fmt: skip


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give the code to another user")
def test_a_command_run_by_another_user_than_the_codes_owner_is_refused(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(ROOT / "manage.py", app)
    os.chown(app, NOBODY, NOBODY)
    refused = collectstatic(app, tmp_path / "static")
    assert refused.returncode == 1
    owner = refused.stderr.strip().splitlines()
    assert len(owner) == 1, refused.stderr  # one line, no traceback
    assert f"manage.py runs as root, but {app} belongs to nobody: run it as nobody" in owner[0]
    # root's own command: sudo is not on a Debian installed with a root password
    assert "(runuser -u nobody -- sh -c 'set -a; . /etc/emalu/env;" in owner[0]
    assert "Nothing was run" in owner[0]
    assert not (tmp_path / "static").exists()
    # Its owner runs it.
    os.chown(app, os.geteuid(), os.getegid())
    done = collectstatic(app, tmp_path / "static")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "static" / "css" / "site.css").exists()
