"""What a dotted name in the docs or in a comment refers to: `tickets.ticket_open`,
`common.net.client_ip()`, `Ticket.closable_as` (tests/site/test_compliance_map.py and
tests/site/test_code_references.py).

A name is judged only when its first part is the project's: a module of consent/, emalu/ or
forms_app/ named by its dotted path or by any trailing part of it (`rights.tickets`, `tickets`),
or a top-level class of theirs. Anything else (`timezone.localtime`, `difflib.SequenceMatcher`,
an app label such as `consent.W001`) is not ours to judge.
"""

import ast
import importlib
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("consent", "emalu", "forms_app")
DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


@cache
def tree(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def dotted_path(path, root=ROOT):
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules(root=ROOT):
    """{dotted name: file} of the project's modules; migrations are the history, not the code."""
    return {
        dotted_path(path, root): path
        for package in PACKAGES
        for path in sorted((root / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


@cache
def classes(root=ROOT):
    """{name: [(module, ClassDef)]} of every top-level class of the project."""
    found = {}
    for module, path in modules(root).items():
        for node in tree(path).body:
            if isinstance(node, ast.ClassDef):
                found.setdefault(node.name, []).append((module, node))
    return found


def _targets(node):
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    else:
        return set()
    names = set()
    for target in targets:
        for element in target.elts if isinstance(target, ast.Tuple | ast.List) else [target]:
            if isinstance(element, ast.Name):
                names.add(element.id)
    return names


def _defined(body, imports=False):
    """Names a module or class body binds at its own level, within `if` and `try` too; what it
    imports only with `imports` (a package's __init__.py, which is its public face: a module
    that imports a name is not its home, and `intake.message_key` misleads once it moved)."""
    names = set()
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            if imports:
                names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.If | ast.Try):
            for block in (node.body, node.orelse, *(h.body for h in getattr(node, "handlers", []))):
                names |= _defined(block, imports)
        else:
            names |= _targets(node)
    return names


def defines(syntax, dotted):
    """Whether a module defines `name` at top level, or `Class.name` in a top-level class
    (the compliance map's `path.py::name`)."""
    body = syntax.body
    *outer, last = dotted.split(".")
    for part in outer:
        found = [n for n in body if isinstance(n, ast.ClassDef) and n.name == part]
        if not found:
            return False
        body = found[0].body
    return last in _defined(body)


def class_defines(module, node, attribute, root=ROOT, seen=frozenset()):
    """Whether the class, or a class it inherits from, defines `attribute`. A class that
    inherits from another package's (a model's fields and manager, an admin's methods) is
    itself asked, imported (the tests run with Django set up)."""
    if attribute in _defined(node.body):
        return True
    seen = seen | {(module, node.name)}
    foreign_base = False
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes(root):
            for inner_module, inner in classes(root)[base.id]:
                if (inner_module, inner.name) not in seen and class_defines(
                    inner_module, inner, attribute, root, seen
                ):
                    return True
        else:
            foreign_base = True
    if foreign_base and root == ROOT:
        return hasattr(getattr(importlib.import_module(module), node.name), attribute)
    return False


def _in_module(path, rest, root):
    if rest[0] not in _defined(tree(path).body, imports=path.name == "__init__.py"):
        return False
    if len(rest) == 1:
        return True
    module = dotted_path(path, root)
    found = [n for n in tree(path).body if isinstance(n, ast.ClassDef) and n.name == rest[0]]
    return class_defines(module, found[0], rest[1], root) if found else None


def foreign_names(syntax):
    """Names a module's own imports bind to another package (`policy` in
    `from email import policy`): what it calls by them is not the project's."""
    names = set()
    for node in ast.walk(syntax):
        if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0):
            for alias in node.names:
                source = alias.name if isinstance(node, ast.Import) else node.module
                if source.split(".")[0] not in PACKAGES:
                    names.add((alias.asname or alias.name).split(".")[0])
    return names


def resolves(dotted, root=ROOT, foreign=frozenset()):
    """Whether `dotted` names something the project defines: True, False, or None when its
    first part is not the project's, or is one of `foreign` (see foreign_names)."""
    parts = dotted.split(".")
    if parts[0] in foreign:
        return None
    known = modules(root)
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        paths = [p for name, p in known.items() if name == prefix or name.endswith("." + prefix)]
        if not paths:
            continue
        rest = parts[cut:]
        if not rest:
            return True
        if cut == 1 and prefix in PACKAGES:
            return None  # an app label: consent.W001, consent.view_subject, emalu.service
        answers = [_in_module(path, rest, root) for path in paths]
        if True in answers:
            return True
        return None if None in answers else False
    if parts[0] in classes(root):
        return any(class_defines(m, c, parts[1], root) for m, c in classes(root)[parts[0]])
    return None


@cache
def words(root=ROOT):
    """Every word of the project's Python source: a call the docs name that appears nowhere in
    the code (`link_request()` for `link_send()`) was renamed or removed."""
    found = set()
    for path in modules(root).values():
        found |= set(re.findall(r"\w+", path.read_text(encoding="utf-8")))
    return found


CHECK_ID = re.compile(r"\b((?:emalu|consent)\.[EWI]\d{3})\b")


@cache
def check_ids(root=ROOT):
    """The ids the project's system checks give (emalu.W009, consent.E011): written whole, or
    a code ("E003") in a module that builds its ids from one (`id=f"consent.{cid}"`)."""
    found = set()
    for path in modules(root).values():
        nodes = list(ast.walk(tree(path)))
        texts = {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        prefixes = {
            n.values[0].value
            for n in nodes
            if isinstance(n, ast.JoinedStr)
            and isinstance(n.values[0], ast.Constant)
            and re.fullmatch(r"(emalu|consent)\.", str(n.values[0].value))
        }
        found |= {t for t in texts if CHECK_ID.fullmatch(t)}
        found |= {p + t for p in prefixes for t in texts if re.fullmatch(r"[EWI]\d{3}", t)}
    return found
