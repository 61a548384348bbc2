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
