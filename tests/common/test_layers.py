"""Dependencies point one way: the import contract in pyproject.toml holds today,
and it really fails on an import of a higher layer and on a cycle."""

import shutil
import subprocess
from pathlib import Path

import pytest

from ..live import PYTHON, ROOT

LINT_IMPORTS = Path(PYTHON).parent / "lint-imports"


def lint_imports(root):
    done = subprocess.run(
        [LINT_IMPORTS, "--config", "pyproject.toml", "--no-cache"],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def checkout(tmp_path):
    """A copy of the project's packages and contract, to break on purpose."""
    for name in ["emalu", "forms_app", "consent"]:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contract_holds():
    code, output = lint_imports(ROOT)
    assert code == 0, output


@pytest.mark.parametrize(
    "module,upward",
    [
        ("consent/core/gate.py", "from consent.rights import tickets"),  # core -> rights
        ("consent/workdays/calendar.py", "from consent.core import models"),  # workdays -> core
        ("consent/common/net.py", "import forms_app.abuse"),  # helpers -> forms
        ("consent/marketing/campaigns.py", "from consent.cookies import banner"),  # siblings
        ("forms_app/forms.py", "from emalu import views"),  # forms -> project
    ],
)
def test_an_upward_import_breaks_the_contract(checkout, module, upward):
    path = checkout / module
    path.write_text(f"{upward}  # noqa\n{path.read_text()}")
    code, output = lint_imports(checkout)
    assert code == 1 and "BROKEN" in output, output


def test_a_cycle_breaks_the_contract(checkout):
    """Two modules of one app importing each other, as alerts and audit once did."""
    audit = checkout / "consent/core/audit.py"
    audit.write_text(f"from consent.core import ledger  # noqa\n{audit.read_text()}")
    code, output = lint_imports(checkout)
    assert code == 1 and "cycle" in output.lower(), output
