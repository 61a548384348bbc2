"""The Python the deploy steps (README, Deploying) make the site's venv with: Django 6.1 needs
3.12 or newer, which Debian 12 does not ship."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_deploy_steps_make_the_venv_with_a_python_django_runs_on():
    """Debian 12, which the steps name, has Python 3.11 as `python3`: a venv made with it gets no
    Django 6.1 from pip. Every venv the steps make comes from scripts/find-python, which names
    only a Python >= 3.12."""
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    made_with = re.findall(r"`?(\S+) -m venv", steps)
    assert made_with and set(made_with) == {'"$(scripts/find-python)"'}, made_with
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
