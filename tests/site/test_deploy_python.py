"""The Python the deploy steps (README, Deploying) make the site's venv with: Django 6.1 needs
3.12 or newer, which Debian 12 does not ship."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_deploy_steps_make_the_venv_with_a_python_django_runs_on():
    """Debian 12, which the steps name, has Python 3.11 as `python3`: a venv made with it gets no
    Django 6.1 from pip. Every venv the steps make comes from scripts/find-python, which names
    only a Python >= 3.12."""
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    made_with = re.findall(r"`?(\S+) -m venv", steps)
    assert made_with and set(made_with) == {'"$python"'}, made_with
    assert set(re.findall(r"python=(\S+) && \"\$python\" -m venv", steps)) == {
        "$(scripts/find-python)"
    }
    found = subprocess.run([ROOT / "scripts" / "find-python"], capture_output=True, text=True)
    new_enough = "import sys; print(sys.version_info >= (3, 12))"
    version = subprocess.run([found.stdout.strip(), "-c", new_enough], capture_output=True,
                             text=True)  # fmt: skip
    assert version.stdout == "True\n"


def test_the_python_the_steps_build_is_one_find_python_finds():
    """Step 1 builds Debian 12's Python 3.13 with pyenv in a root of the steps' choosing, and
    step 3 makes the venv with scripts/find-python, run as `emalu`, in whose environment no
    PYENV_ROOT is set: it looked in `pyenv root` and ~/.pyenv only, so it found none there and
    told the newcomer to install a Python they had just installed."""
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    roots = set(re.findall(r"PYENV_ROOT=(\S+)", steps))
    looks_in = (ROOT / "scripts" / "find-python").read_text()
    assert roots and all(f"{root}/versions/3.13*/bin/python3.13" in looks_in for root in roots)
    assert re.search(r"git clone \S+ (\S+)", steps)[1] in roots  # pyenv itself is put there


def _venv_line() -> str:
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    return re.search(r"`([^`]*-m venv \.venv[^`]*)`", steps)[1]


def _run_venv_line(tmp_path, env: dict) -> subprocess.CompletedProcess:
    """Step 3's line, as written, in a copy of the app holding only what it reads."""
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "find-python").write_bytes((ROOT / "scripts/find-python").read_bytes())
    (tmp_path / "scripts" / "find-python").chmod(0o755)
    (tmp_path / "requirements.txt").write_text("")
    return subprocess.run(["sh", "-c", _venv_line()], cwd=tmp_path, env=env, capture_output=True,
                          text=True)  # fmt: skip


def test_the_python_chosen_as_the_steps_say_makes_the_venv(tmp_path):
    """Step 3 says how to choose the Python: `PYTHON=…` written before `"$(scripts/find-python)"`
    (as it said) is set for the Python run, not for the script, which went on without it."""
    chosen = tmp_path / "chosen" / "python3.13"
    chosen.parent.mkdir()
    chosen.symlink_to(sys.executable)
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    how = re.search(r"`export PYTHON=(\S+)` before the\s+line", steps)
    assert how, "step 3 says how to choose a Python"
    app = tmp_path / "app"
    app.mkdir()
    done = _run_venv_line(app, {**os.environ, "PYTHON": str(chosen)})
    assert done.returncode == 0, done.stderr
    home = (app / ".venv" / "pyvenv.cfg").read_text()
    assert f"home = {chosen.parent}\n" in home, home


def test_no_python_found_stops_the_line_with_what_to_do(tmp_path):
    """With no Python >= 3.12 (Debian 12 before step 1's pyenv), the line ran `"" -m venv` after
    the script's advice, and ended on «: Permission denied»; the advice named `make … run`."""
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHON": str(tmp_path / "none")}
    found = subprocess.run([ROOT / "scripts/find-python"], env=bare, capture_output=True)
    if found.returncode == 0:
        pytest.skip("this machine has a Python >= 3.12 where find-python always looks")
    done = _run_venv_line(tmp_path, bare)
    assert done.returncode != 0 and not (tmp_path / ".venv").exists()
    last = done.stderr.strip().splitlines()[-1]
    assert "export PYTHON=" in last, done.stderr
