"""docs/architecture.md's table of apps and its layers, and README's, say what the code is: one
row per app of the project with its label and files of its own package, and the layers that
pyproject.toml's import contract enforces (`lint-imports`). Its references to code are checked
by tests/site/test_compliance_map.py."""

import re
import tomllib
from pathlib import Path

from django.apps import apps

from tests.site.references import PACKAGES, ROOT

ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(?P<package>[\w/]+)/` \| (?P<label>[^|]+) \| (?P<owns>.+) \|$", re.M)
# a file or folder named by itself in a row: `health.py`, `db/`
OWN_FILE = re.compile(r"`([\w-]+(?:\.py|/))`")


def contract_layers():
    """The layers of pyproject.toml's contract, top first, each a set of packages."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [{part.strip() for part in layer.split("|")} for layer in contract["layers"]]


def rows():
    return {m["package"]: m for m in ROW.finditer(ARCHITECTURE)}


def test_every_app_has_one_row_with_its_label():
    ours = {
        Path(config.path).relative_to(ROOT).as_posix(): config.label
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in PACKAGES
    }
    assert len(ours) == 7, ours
    described = rows()
    assert set(ours) <= set(described), set(ours) - set(described)
    # and one row for each package the layers name, consent/common too: a row a line break cut
    # was no row of the table (Markdown's rows are one line each) and went unchecked
    layered = {package.replace(".", "/") for layer in contract_layers() for package in layer}
    assert set(described) == layered, layered ^ set(described)
    for package, row in described.items():
        label = row["label"].strip()
        if package in ours:
            assert label == f"`{ours[package]}`", (package, label)
        else:
            assert label == "(no models)" and (ROOT / package / "__init__.py").is_file(), package


def test_every_file_a_row_names_is_in_its_package():
    missing = [
        f"{package}/{name}"
        for package, row in rows().items()
        for name in OWN_FILE.findall(row["owns"])
        if not (ROOT / package / name).exists()
    ]
    assert not missing, missing


def test_the_layers_drawn_are_the_contracts():
    drawing = ARCHITECTURE.split("## Layers", 1)[1].split("```")[1]
    drawn = [{part.strip() for part in layer.split("|")} for layer in drawing.split(">")]
    assert drawn == contract_layers()


def test_the_readmes_layers_are_the_contracts():
    sentence = re.search(r"Each layer imports only those below it \(([^)]*)\)", README)[1]
    written = [set(re.findall(r"`([\w.]+)`", layer)) for layer in sentence.split(">")]
    short = [{p.removeprefix("consent.") for p in layer} for layer in contract_layers()]
    assert written == short


# Issue #15: a module that grows past this is split by topic (consent/rights/models/ and
# spelling.py, language.py, about_whom.py beside phrases.py were). Migrations are written by
# makemigrations, and emalu/django_admin_strings.py is a catalogue of Django's own strings.
LINES_MAX = 350
CODE_FOLDERS = ("consent", "emalu", "forms_app", "tests", "scripts", "bench")
LONG_BY_NATURE = {"emalu/django_admin_strings.py"}


def python_files(root=ROOT):
    """The project's Python: every *.py under CODE_FOLDERS, and the scripts without a suffix
    that run under python (scripts/screenshots), migrations left out."""
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            parts = path.relative_to(root).parts
            if not path.is_file() or "migrations" in parts or "__pycache__" in parts:
                continue
            if path.suffix == ".py":
                yield path
            elif not path.suffix:
                with path.open("rb") as file:
                    first = file.readline()
                if first.startswith(b"#!") and b"python" in first:
                    yield path


def long_modules(root=ROOT):
    """'path: N lines' for each module of the project over LINES_MAX."""
    found = []
    for path in python_files(root):
        name = path.relative_to(root).as_posix()
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > LINES_MAX and name not in LONG_BY_NATURE:
            found.append(f"{name}: {count} lines")
    return found


def test_no_module_passes_350_lines():
    long = long_modules()
    assert not long, f"split these by topic (at most {LINES_MAX} lines each):\n" + "\n".join(long)


def test_the_line_count_finds_a_long_module(tmp_path):
    """Guards the walk against finding nothing: only what the rule is about is reported."""
    lines = lambda n: "x = 1\n" * n  # noqa: E731
    files = {
        "consent/rights/big.py": lines(351),
        "consent/rights/full.py": lines(350),
        "consent/rights/migrations/0001_initial.py": lines(900),
        "emalu/django_admin_strings.py": lines(1000),
        "tests/site/test_long.py": lines(400),
        "scripts/tool": "#!/usr/bin/env python3\n" + lines(351),
        "scripts/shell": "#!/bin/sh\n" + lines(400),
        "docs/notes.py": lines(400),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert long_modules(tmp_path) == [
        "consent/rights/big.py: 351 lines",
        "tests/site/test_long.py: 400 lines",
        "scripts/tool: 352 lines",
    ]
