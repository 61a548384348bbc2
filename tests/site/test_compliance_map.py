"""The compliance map (docs/compliance.md) names only code and tests that exist,
and every requirement L1-L25 and check T1-T20 exactly once, each proved by a test or marked.
The other documents a newcomer reads (README.md, docs/architecture.md, docs/glossary.md,
docs/deploy/*.md) are held to the same references, and every document, .env.example and the
shipped units to the commands (`manage.py fetch_request_mail`), the site's pages
(`/kk/requests/new/`) and the system check ids (emalu.W009) they name.

The reference syntax is documented at the top of the map. The checker is plain functions over
(text, repository root), so the last tests can feed it made-up maps and see it fail.
"""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands
from django.urls import Resolver404, resolve
from django.utils import translation

from tests.site.references import (
    CHECK_ID,
    DOTTED,
    PACKAGES,
    ROOT,
    check_ids,
    defines,
    resolves,
    tree,
    words,
)

MAP = ROOT / "docs" / "compliance.md"
DEPLOY = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs" / "deploy").iterdir())
DOCUMENTS = ["README.md", "docs/architecture.md", "docs/compliance.md", "docs/glossary.md",
             *(name for name in DEPLOY if name.endswith(".md"))]  # fmt: skip
# what names a command or a check beside them: the example environment and the units
NAMING = [*DOCUMENTS, ".env.example", *(name for name in DEPLOY if not name.endswith(".md"))]
EXPECTED = [f"L{n}" for n in range(1, 26)] + [f"T{n}" for n in range(1, 21)]

# a backticked span, which a paragraph may break over a line (never over a blank line); read
# line by line, a broken span paired the rest of its paragraph's backticks the wrong way round
SPAN = re.compile(r"`((?:[^`\n]|\n(?![ \t]*\n))+)`")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
NAME = r"[A-Za-z_]\w*"
# path/to/file.py::name, ::Class.name or ::Class::name (as pytest prints a test method)
DEFINITION = re.compile(rf"^(?P<path>[\w./-]+\.py)::(?P<name>{NAME}(?:(?:\.|::){NAME})?)$")
# a relative path with at least one slash: consent/core/templates/x.txt, .ci/run, docs/deploy/
# (not under var/, which the site and its tools write while they run; not a rate like 5/60)
FILE = re.compile(r"^(?!var/)\.?[A-Za-z_][\w-]*(?:/[\w.-]+)+/?$")
# tickets.ticket_open, common.net.client_ip(), Ticket.closable_as (tests/site/references.py)
DOTTED_NAME = re.compile(rf"^(?P<name>{DOTTED.pattern})(?:\(.*\))?$")
# a function named by itself: ticket_open(), policy_publish(policy, reconsent=…)
CALL = re.compile(r"^(?P<name>[a-z_]\w*)\(.*\)$")
# a file named by itself: tickets.py (in the table of apps), expected.tsv, emalu.service
FILE_NAME = re.compile(r"^[\w-]+\.(?:py|txt|html|md|json|tsv|toml|conf|service|timer)$")
ENTRY = re.compile(r"^###\s+([LT]\d+)\b", re.MULTILINE)
HEADING = re.compile(r"^#{1,3}\s", re.MULTILINE)
OUTSIDE = re.compile(r"\*\*Status:\*\*\s*outside the software", re.IGNORECASE)
CI_LINE = re.compile(r"\*\*Proof in CI:\*\*(.*)")
# how far an entry is done, in the map's own words first: a Status opening otherwise (L6 opened
# with a case, its «implemented» half-way down, above what it did not do) claims nothing readable
DONE = r"(?:implemented|partial|not implemented|outside the software)\b"
STATUS = re.compile(rf"^- \*\*Status:\*\*\s*{DONE}", re.MULTILINE)
# `manage.py fetch_request_mail`, `.venv/bin/python manage.py tombstones export`
COMMAND = re.compile(r"\bmanage\.py\s+([a-z_]+)")
# `/kk/requests/new/`, `/ru/privacy/<n>/`: a page of the site, a placeholder standing for a value
PAGE = re.compile(r"^/(kk|ru)/[^\s?#]*$")
PLACEHOLDER = re.compile(r"<[^>/]+>|\[[^\]/]+\]")


def spans(text):
    """The backticked spans of a text outside its fenced blocks, a line break read as a space."""
    return [" ".join(span.split()) for span in SPAN.findall(FENCE.sub("", text))]


def is_test(span):
    """A reference to a test function (what counts as proof for an entry)."""
    m = DEFINITION.match(span)
    return bool(
        m
        and m["path"].startswith("tests/")
        and Path(m["path"]).name.startswith("test_")
        and re.split(r"\.|::", m["name"])[-1].startswith("test")
    )


def _file_named(name, root):
    """Whether the repository holds a file of that name (outside what it ignores)."""
    places = [p for p in root.iterdir() if p.name not in {".git", ".venv", "var", "node_modules"}]
    return any(p.name == name or (p.is_dir() and any(p.rglob(name))) for p in places)


def reference_problems(text, root=ROOT):
    """One line per backticked reference that names a missing file or definition."""
    problems = []
    for span in dict.fromkeys(spans(text)):  # each once, in order
        if re.match(r"[\w./-]+::", span):  # not SQL's 'consent_ledgerentry'::regclass
            m = DEFINITION.match(span)
            if m is None:
                problems.append(f"`{span}`: not a reference; write path/to/file.py::name")
                continue
            path, name = root / m["path"], m["name"].replace("::", ".")
            if not path.is_file():
                problems.append(f"`{span}`: there is no file {m['path']}")
            elif not defines(tree(path), name):
                kind = "test" if is_test(span) else "function, class or assignment"
                problems.append(f"`{span}`: {m['path']} defines no {kind} {name}")
        elif FILE.match(span):
            if not (root / span).exists():
                problems.append(f"`{span}`: there is no such file or folder")
        elif FILE_NAME.match(span):
            if not _file_named(span, root):
                problems.append(f"`{span}`: the repository holds no file of that name")
        elif (m := DOTTED_NAME.match(span)) and resolves(m["name"], root) is False:
            problems.append(f"`{span}`: names nothing {', '.join(PACKAGES)} define")
        elif (m := CALL.match(span)) and m["name"] not in words(root):
            problems.append(f"`{span}`: the code has no {m['name']}")
    return problems


def name_problems(text, commands, root=ROOT):
    """One line per command a backticked span runs that manage.py lacks (`release`, not a
    renamed `fetch_requests`), per page of the site it names that the site does not answer, and
    per system check id no check of the project gives."""
    problems = []
    for span in dict.fromkeys(spans(text)):
        problems += [f"`{span}`: manage.py has no command {command}"
                     for command in COMMAND.findall(span) if command not in commands]  # fmt: skip
        if page := PAGE.match(span):
            with translation.override(page[1]):
                try:
                    resolve(PLACEHOLDER.sub("1", span))
                except Resolver404:
                    problems.append(f"`{span}`: the site has no such page")
    for check in dict.fromkeys(CHECK_ID.findall(text)):
        if check not in check_ids(root):
            problems.append(f"{check}: no system check of the project gives that id")
    return problems


def entries(text):
    """[(id, body)] for every ### L… / ### T… heading, the body running to the next heading."""
    starts = list(ENTRY.finditer(text))
    out = []
    for m in starts:
        following = HEADING.search(text, m.end())
        out.append((m[1], text[m.end() : following.start() if following else len(text)]))
    return out


def entry_problems(text):
    """Each expected id exactly once; each entry proved by a test, or marked."""
    problems = []
    found = [entry_id for entry_id, _ in entries(text)]
    for entry_id in EXPECTED:
        if found.count(entry_id) != 1:
            problems.append(f"{entry_id}: {found.count(entry_id)} entries, expected exactly 1")
    unknown = [entry_id for entry_id in dict.fromkeys(found) if entry_id not in EXPECTED]
    problems += [f"{entry_id}: not a requirement of the map" for entry_id in unknown]
    for entry_id, body in entries(text):
        tested = any(is_test(span) for span in spans(body))
        ci = any(FILE.match(s) for line in CI_LINE.findall(body) for s in spans(line))
        if not (tested or ci or OUTSIDE.search(body)):
            problems.append(
                f"{entry_id}: names no test, no CI proof, and is not marked outside the software"
            )
        if not STATUS.search(body):
            problems.append(f"{entry_id}: its Status does not open with how far it is done")
    return problems


# --- the map itself --------------------------------------------------------------------------


@pytest.mark.parametrize("document", NAMING)
def test_every_reference_in_the_documents_exists(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    problems = reference_problems(text) if document in DOCUMENTS else []
    problems += name_problems(text, set(get_commands()))
    assert not problems, f"{document}:\n" + "\n".join(problems)


def test_every_requirement_and_check_is_one_entry_with_its_proof():
    problems = entry_problems(MAP.read_text(encoding="utf-8"))
    assert not problems, "docs/compliance.md:\n" + "\n".join(problems)


def test_the_parser_finds_the_references():
    """Guards the checker against a pattern that silently matches nothing."""
    text = MAP.read_text(encoding="utf-8")
    found = spans(text)
    tests = {s for s in found if is_test(s)}
    code = {s for s in found if DEFINITION.match(s) and not is_test(s)}
    assert len(entries(text)) == len(EXPECTED)
    assert len(tests) > 150 and len(code) > 150, (len(tests), len(code))
    named = "".join((ROOT / document).read_text(encoding="utf-8") for document in NAMING)
    commands = {c for span in spans(named) for c in COMMAND.findall(span)}
    assert len(commands) > 10 and len(set(CHECK_ID.findall(named))) > 20, commands
    assert len({span for span in spans(named) if PAGE.match(span)}) > 10


# --- the checker fails where it should -------------------------------------------------------


def test_the_checker_reports_made_up_references():
    text = """
    real: `tests/forms/test_forms.py::test_without_the_required_consent_nothing_is_stored`,
    `consent/core/gate.py::permitted_subjects`,
    `consent/rights/admin/people.py::SubjectAdmin.export_view`,
    `emalu/csp.py::SECURE_CSP`, `docs/deploy/backups.md`, a URL `/kk/requests/new/`.
    made up: `tests/forms/test_forms.py::test_a_test_nobody_wrote`,
    `consent/core/gate.py::no_such_gate`,
    `consent/rights/admin/people.py::SubjectAdmin.no_such_view`, `consent/nowhere.py::anything`,
    `docs/deploy/nowhere.md`, `consent/core/templates/consent/consent_text.txt::Name`.
    """
    problems = "\n".join(reference_problems(text))
    for made_up in [
        "tests/forms/test_forms.py::test_a_test_nobody_wrote",
        "consent/core/gate.py::no_such_gate",
        "consent/rights/admin/people.py::SubjectAdmin.no_such_view",
        "consent/nowhere.py::anything",
        "docs/deploy/nowhere.md",
        "consent_text.txt::Name",
    ]:
        assert made_up in problems
    assert len(reference_problems(text)) == 6, problems


def test_the_checker_reports_names_that_moved():
    text = """
    real: `closing.ticket_lock`, `rights.tickets.ticket_open()`, `Ticket.closable_as`,
    `letters.read_letter()`, `link_send()`, `tickets.py`, `emalu.service`, `settings.OPERATOR`.
    not ours: `timezone.localtime()`, `consent.W001`, `difflib.SequenceMatcher`, `5/60`,
    `var/bench.json`, `policy_publish(policy, reconsent=…)`.
    made up: `tickets.ticket_lock`, `intake.message_key()`, `Ticket.no_such_field`,
    `link_request()`, `nowhere.py`, `core/routes.py`.
    """
    problems = "\n".join(reference_problems(text))
    for made_up in [
        "tickets.ticket_lock",
        "intake.message_key()",
        "Ticket.no_such_field",
        "link_request()",
        "nowhere.py",
        "core/routes.py",
    ]:
        assert f"`{made_up}`" in problems
    assert len(reference_problems(text)) == 6, problems


def test_a_span_broken_over_a_line_is_read_whole_and_a_fenced_block_is_not_read():
    text = (
        "a step runs `.venv/bin/python\nmanage.py release`; the rule is\n"
        "`consent/common/schema.py::\nmigrations_lacking`;\n"
        "`consent/core/gate.py::no_such_gate` after them is read as one.\n\n"
        "```sh\n`make run` and `make test`\n```\nA lone ` before a blank line\n\npairs nothing.\n"
    )
    assert spans(text) == [
        ".venv/bin/python manage.py release",
        "consent/common/schema.py:: migrations_lacking",
        "consent/core/gate.py::no_such_gate",
    ]
    assert [problem.split(":")[0] for problem in reference_problems(text)] == [
        "`consent/common/schema.py",
        "`consent/core/gate.py",
    ]


def test_the_checker_reports_commands_and_check_ids_nothing_gives():
    text = """
    real: `manage.py release`, `.venv/bin/python manage.py tombstones export`, emalu.W009,
    consent.E005 (its code in a module that builds the id), `manage.py check --deploy`.
    pages: `/kk/requests/new/`, `/ru/privacy/<n>/`, `/kk/unsubscribe/[token]/`, `/ru/requests/old/`.
    made up: `manage.py fetch_requests`, `python manage.py send_digest --now`, emalu.W099,
    consent.I009; prose is not a command: manage.py says so.
    """
    assert name_problems(text, set(get_commands())) == [
        "`/ru/requests/old/`: the site has no such page",
        "`manage.py fetch_requests`: manage.py has no command fetch_requests",
        "`python manage.py send_digest --now`: manage.py has no command send_digest",
        "emalu.W099: no system check of the project gives that id",
        "consent.I009: no system check of the project gives that id",
    ]


def test_the_checker_finds_definitions_where_pytest_and_python_put_them(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text(
        "import pytest\n"
        "LIMIT: int = 3\n"
        "A = B = 1\n"
        "@pytest.mark.parametrize('n', [1, 2])\n"
        "def test_top(n):\n    def test_nested():\n        pass\n"
        "class TestGroup:\n    size = 2\n    def test_method(self):\n        pass\n",
        encoding="utf-8",
    )
    found = [
        "`tests/test_x.py::test_top`",
        "`tests/test_x.py::TestGroup::test_method`",
        "`tests/test_x.py::TestGroup.size`",
        "`tests/test_x.py::LIMIT`",
        "`tests/test_x.py::B`",
    ]
    assert reference_problems(" ".join(found), tmp_path) == []
    missing = ["`tests/test_x.py::test_nested`", "`tests/test_x.py::TestGroup::test_top`"]
    assert len(reference_problems(" ".join(missing), tmp_path)) == 2


def test_the_checker_reports_missing_doubled_and_unproved_entries():
    def entry(entry_id, body):
        return f"### {entry_id} — x\n- **Tests:** {body}\n- **Status:** implemented.\n"

    proved = "`tests/forms/test_forms.py::test_without_the_required_consent_nothing_is_stored`"
    text = "".join(entry(i, proved) for i in EXPECTED if i not in {"L2", "L3", "L4", "T3"})
    text += entry("L3", proved) + entry("L3", proved)  # twice
    text += entry("L4", "`consent/core/gate.py::permitted_subjects` only code, no test")
    text += entry("T3", "none.\n- **Proof in CI:** `.ci/run`")
    text += entry("L26", proved)
    text = text.replace(
        "### T5 — x\n- **Tests:** " + proved + "\n- **Status:** implemented.",
        "### T5 — x\n- **Tests:** " + proved + "\n- **Status:** A case. implemented",
    )
    text += "### L1 — again\n- **Status:** outside the software: the operator's duty.\n"
    problems = entry_problems(text)
    assert sorted(problems) == sorted([
        "L1: 2 entries, expected exactly 1",
        "L2: 0 entries, expected exactly 1",
        "L3: 2 entries, expected exactly 1",
        "L4: names no test, no CI proof, and is not marked outside the software",
        "L26: not a requirement of the map",
        "T5: its Status does not open with how far it is done",
    ])  # fmt: skip
