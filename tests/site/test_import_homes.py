"""A name is imported from the module that defines it, not through one that imports it too.

When a helper moves (the admin-audit rows from tests/site/test_admin_audit.py to admin_rows.py,
letters.py's operator_addresses to machines.py), an import through the module it left keeps
working only while that module happens to import it, so the move looks finished when it is
not: the old path breaks the day that import goes, or stays as a re-export no one meant. A
package's __init__.py is its public face and may pass names on."""

import ast

from tests.site.references import ROOT, defines, tree

FOLDERS = ("consent", "emalu", "forms_app", "tests", "bench")


def module_file(dotted, root):
    path = root.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def absolute(path, node, root):
    """The dotted module a `from … import` names, its dots resolved from `path`."""
    if not node.level:
        return node.module
    parts = list(path.relative_to(root).parent.parts)
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def imports_through_another_module(root=ROOT):
    """'file: name from module' for each project import of a name its module does not define."""
    found = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(tree(path)):
                if not isinstance(node, ast.ImportFrom):
                    continue
                module = absolute(path, node, root)
                if not module or module.split(".")[0] not in FOLDERS:
                    continue
                source = module_file(module, root)
                if source is None or source.name == "__init__.py":
                    continue
                for alias in node.names:
                    name = alias.name
                    if name == "*" or defines(tree(source), name):
                        continue
                    if module_file(f"{module}.{name}", root) is None:
                        found.append(f"{path.relative_to(root).as_posix()}: {name} from {module}")
    return found


def test_every_name_is_imported_from_its_home():
    found = imports_through_another_module()
    assert not found, "import each from the module that defines it:\n" + "\n".join(found)


def test_the_check_finds_a_name_imported_through_the_module_it_left(tmp_path):
    files = {
        "tests/site/rows.py": "def site_rows():\n    pass\n",
        "tests/site/test_audit.py": "from tests.site.rows import site_rows\n",
        "tests/site/test_other.py": "from tests.site.test_audit import site_rows\n",
        "tests/site/test_fine.py": "from tests.site.rows import site_rows\nfrom . import rows\n",
        "consent/__init__.py": "from .core import thing\n",
        "consent/core.py": "thing = 1\n",
        "consent/user.py": "from consent import thing\nfrom .core import thing as same\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = imports_through_another_module(tmp_path)
    assert found == ["tests/site/test_other.py: site_rows from tests.site.test_audit"]
