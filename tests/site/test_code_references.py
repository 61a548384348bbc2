"""A comment or docstring that sends the reader to other code names code that exists.

When a function moves (tickets.py's locks to closing.py, intake.py's letter reading to
letters.py, settings.py's Env to env.py), the comments that cite it by name are what is left
behind. Two kinds of reference are checked in consent/, emalu/, forms_app/, bench/ and tests/
(but for this checker's own tests, which name made-up code on purpose):

- a dotted name whose first part is the project's (`tickets.ticket_open`, `erasure.subject_destroy`,
  `Ticket.closable_as`: see tests/site/references.py), unless the file imports that first name
  from another package (`policy.default` after `from email import policy`);
- a path from the repository's root (`docs/deploy/nginx.conf`, `forms_app/images.py`), with
  its `::name` if one follows.

Migrations are left out: their comments describe the code of their day, as their operations do.
The files a newcomer reads beside the code (the units and nginx.conf in docs/deploy/,
.env.example, the Makefile, .ci/run, scripts/, static/'s CSS and JS, the templates) are held to
the same, in their comments.
"""

import ast
import functools
import io
import re
import tokenize

from tests.site.references import DOTTED, ROOT, foreign_names, modules, resolves, tree

SCANNED = ("consent", "emalu", "forms_app", "bench", "tests")
# The checker's own tests and helpers, whose comments name made-up code on purpose.
EXAMPLES = {"tests/site/references.py", "tests/site/test_code_references.py",
            "tests/site/test_compliance_map.py"}  # fmt: skip
# The files beside the code, each with its comments' syntax: a line starting with # (units,
# nginx, shell, .env.example, the Makefile), /* */ and whole // lines (CSS, JS), {# #} and
# {% comment %} (templates).
COMMENT = {
    "#": re.compile(r"^[ \t]*(#[^\n]*)", re.M),
    "css": re.compile(r"/\*(.*?)\*/|^[ \t]*//([^\n]*)", re.S | re.M),
    "template": re.compile(r"\{#(.*?)#\}|\{% comment %\}(.*?)\{% endcomment %\}", re.S),
}
CONFIGURATION = {"docs/deploy/*.service": "#", "docs/deploy/*.timer": "#",
                 "docs/deploy/nginx.conf": "#", ".env.example": "#", "Makefile": "#",
                 ".ci/run": "#", "scripts/*": "#", "static/**/*.css": "css",
                 "static/**/*.js": "css", "templates/**/*": "template",
                 "forms_app/templates/**/*": "template",
                 "consent/*/templates/**/*": "template"}  # fmt: skip
# A file's name is not a dotted reference (`intake.py`, `request.eml`).
EXTENSIONS = {"py", "txt", "html", "md", "json", "pdf", "eml", "csv", "tsv", "toml", "conf",
              "service", "timer", "sh", "po", "mo", "css", "js", "svg", "png", "jpg", "sql",
              "kz", "ru", "com", "org"}  # fmt: skip
# (not a quoted value: the "rights.ticket" a page showed is a label)
NAME = re.compile(rf"(?<![\w./:@\"'-])({DOTTED.pattern})(?![\w/@-])")
PATH = re.compile(r"(?<![\w./:@~$-])(\.?[\w-]+(?:/[\w.*-]+)+/?)(?:::([\w.]+))?")


def notes(source, syntax=None):
    """(line, text) of every comment and docstring of a module's source (`syntax`: its tree,
    where it was parsed already)."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
    for node in ast.walk(syntax or ast.parse(source)):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield node.body[0].lineno, docstring


def comments(source, syntax):
    """(line, text) of every comment of a file beside the code, by its syntax (COMMENT)."""
    for m in COMMENT[syntax].finditer(source):
        yield source.count("\n", 0, m.start()) + 1, next(g for g in m.groups() if g is not None)


def _path_problem(path, name, root):
    if "*" in path:
        return None if any(root.glob(path)) else f"{path}: no file matches it"
    if not (root / path).exists():
        return f"{path}: there is no such file or folder"
    if name and path.endswith(".py"):
        defined = {getattr(n, "name", None) or getattr(n, "id", None)
                   for n in ast.walk(tree(root / path))}  # fmt: skip
        if name.split(".")[-1] not in defined:
            return f"{path}::{name}: {path} defines no {name}"
    return None


def reference_problems(source, root=ROOT, syntax=None):
    """One line per reference in the comments and docstrings of `source` (Python's, or with a
    `syntax` of COMMENT the comments of a file beside the code) that names nothing."""
    if syntax is None:
        tree_of_source = ast.parse(source)
        return _problems(list(notes(source, tree_of_source)), foreign_names(tree_of_source), root)
    return _problems(list(comments(source, syntax)), set(), root)


def _problems(found_notes, foreign, root=ROOT):
    """reference_problems' lines for the (line, text) notes of one file, whose own imports bind
    the names `foreign` to other packages."""
    top = {entry.name for entry in root.iterdir()} - {"var", ".venv", ".git"}
    problems = []
    for line, text in found_notes:
        for m in NAME.finditer(text):
            name = m[1]
            if name.rsplit(".", 1)[-1] in EXTENSIONS:
                continue
            if resolves(name, root, foreign) is False:
                problems.append(f"{line}: {name} names nothing the project defines")
        for m in PATH.finditer(text):
            path = m[1].rstrip(".")
            if path.split("/")[0] in top:
                # the name without the full stop of the sentence it ends
                problem = _path_problem(path, m[2] and m[2].rstrip("."), root)
                if problem:
                    problems.append(f"{line}: {problem}")
    return problems


def scanned_files(root=ROOT):
    for package in SCANNED:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.parts and path.relative_to(root).as_posix() not in EXAMPLES:
                yield path


@functools.cache
def _module_files():
    return frozenset(modules().values())


@functools.cache
def scanned(path):
    """(notes, foreign names) of one scanned file: read, parsed and walked once for the tests
    of this module that read every file (each used to parse each file twice). A module of the
    project's packages is parsed as references.tree holds it, which the lookups parse anyway."""
    source = path.read_text(encoding="utf-8")
    syntax = tree(path) if path in _module_files() else ast.parse(source)
    return tuple(notes(source, syntax)), frozenset(foreign_names(syntax))


def test_every_reference_in_the_codes_comments_exists():
    problems = []
    for path in scanned_files():
        found_notes, foreign = scanned(path)
        problems += [f"{path.relative_to(ROOT)}:{p}" for p in _problems(found_notes, foreign)]
    assert not problems, "\n".join(problems)


def configuration_files(root=ROOT):
    """(path, syntax) of each file beside the code, but for binary ones (a font)."""
    for pattern, syntax in CONFIGURATION.items():
        for path in sorted(root.glob(pattern)):
            if path.is_file() and path.suffix not in {".woff2", ".png", ".ico", ".pdf"}:
                yield path, syntax


def test_every_reference_in_the_configurations_comments_exists():
    problems = []
    for path, syntax in configuration_files():
        source = path.read_text(encoding="utf-8")
        found = reference_problems(source, syntax=syntax)
        problems += [f"{path.relative_to(ROOT)}:{p}" for p in found]
    assert not problems, "\n".join(problems)
    assert {syntax for _path, syntax in configuration_files()} == set(COMMENT)
    assert len(list(configuration_files())) > 150  # the patterns still find the files


def test_the_parser_finds_the_references():
    """Guards the check against a pattern that silently matches nothing."""
    names = paths = 0
    for path in scanned_files():
        found_notes, foreign = scanned(path)
        for _line, text in found_notes:
            names += sum(resolves(m[1], ROOT, foreign) is True for m in NAME.finditer(text))
            paths += len(PATH.findall(text))
    assert names > 50 and paths > 50, (names, paths)


def test_the_check_reports_what_moved_and_spares_what_is_not_ours():
    source = '''
"""Locks as `closing.ticket_lock` does; letters read by letters.read_letter (intake.py)."""
from email import policy
from django.db import models

# made up: tickets._lock, intake.message_key(), Ticket.no_such_field, consent/nowhere.py,
# consent/rights/closing.py::no_such_function, docs/deploy/*.nowhere
# real: rights.tickets.ticket_open(), erasure.subject_destroy, Ticket.closable_as,
# consent/rights/closing.py::require_open, docs/deploy/*.service, the site https://a.kz/b/c.py
# not ours: policy.default, models.CharField, timezone.localtime, consent.W001, e.g. this.
'''
    problems = "\n".join(reference_problems(source))
    for made_up in [
        "tickets._lock",
        "intake.message_key",
        "Ticket.no_such_field",
        "consent/nowhere.py",
        "consent/rights/closing.py::no_such_function",
        "docs/deploy/*.nowhere",
    ]:
        assert made_up in problems
    assert len(reference_problems(source)) == 6, problems


def test_a_name_is_looked_up_where_it_is_defined():
    assert resolves("policy.default", ROOT, {"policy"}) is None  # from email import policy
    assert resolves("policy.default", ROOT) is False  # consent/core/policy.py has no `default`
    assert resolves("policy.policy_blocks", ROOT) is True
    # intake.py imports message_key from keys.py, its home since it moved
    assert resolves("intake.message_key", ROOT) is False
    assert resolves("keys.message_key", ROOT) is True
    assert resolves("models.Subject", ROOT) is True  # consent/core/models/ exports it
    assert resolves("Ticket.objects", ROOT) is True  # a model's manager, inherited
    assert resolves("SubjectAdmin.get_urls", ROOT) is True  # Django's, through AuditedAdmin


def test_a_configuration_file_is_checked_in_its_comment_lines_only():
    source = (
        "# nginx's pages (collectstatic writes static/errors/<language>/): gone.\n"
        "# its work: consent/rights/guardianship.py::outgrown_requests_close, tickets.ticket_open\n"
        "ExecStart=/srv/emalu/app/.venv/bin/python manage.py nowhere/at/all.py\n"
        "    # moved: consent/rights/closing.py::ticket_unlock\n"
    )
    assert reference_problems(source, syntax="#") == [
        "1: static/errors/: there is no such file or folder",
        "4: consent/rights/closing.py::ticket_unlock: consent/rights/closing.py defines no "
        "ticket_unlock",
    ]


def test_css_js_and_template_comments_are_read_by_their_syntax():
    css = (
        "/* the diff (consent/core/admin.py::diff_rows) */\n"
        "a::after { content: 'consent/gone.py' }\n// moved: consent/gone.js\n"
    )
    assert reference_problems(css, syntax="css") == [
        "1: consent/core/admin.py: there is no such file or folder",
        "3: consent/gone.js: there is no such file or folder",
    ]
    template = (
        "{# consent/gone.html #}<p>consent/shown-not-said.py</p>\n"
        "{% comment %}\nconsent/rights/closing.py::require_open{% endcomment %}\n"
    )
    assert reference_problems(template, syntax="template") == [
        "1: consent/gone.html: there is no such file or folder"
    ]


def test_paths_are_checked_from_the_repositorys_root_only(tmp_path):
    (tmp_path / "consent").mkdir()
    (tmp_path / "consent" / "__init__.py").write_text("", encoding="utf-8")
    source = "# consent/gone.py, but not var/emalu.sqlite3, 5/60 or shared/design.md\n"
    assert reference_problems(source, root=tmp_path) == [
        "1: consent/gone.py: there is no such file or folder"
    ]
