"""Each word list and pattern the rights rules read has one home (compliance L7): a list spelled
again in a second module drifts from the first as soon as one of them learns a word. So it went
with the words for someone else (relatives.py and misdirected.py, now someone_else.py), the Kazakh
ablative (limits.py, titles.py, word_order.py, relatives.py, now spelling.ABLATIVE), a Kazakh
verb's negation syllables (items.py beside verb_forms.py), the opening quotes (about_whom.py
beside titles.py) and a quoted line (reading.py beside our_words.py). This finds a constant, a
list of words or a pattern, defined the same in two modules of consent/rights."""

import ast
from collections import defaultdict
from pathlib import Path

import consent.rights

ROOT = Path(consent.rights.__file__).parent
# The same letters for another thing: Kazakh's question particle («ма», «ба», «па» after a word)
# and the negation inside a verb («жойМАңыз») are spelled alike but are different rules.
ALIKE_BY_CHANCE = {
    frozenset({"sentences.py:QUESTION_PARTICLES", "verb_forms.py:NEGATION_SYLLABLES"})
}


def _spelled(value):
    """What a constant spells: its words (a tuple, set or list of three or more strings, or
    word_set / frozenset of them), or a compiled pattern's text; None for anything else."""
    call = isinstance(value, ast.Call) and ast.unparse(value.func)
    if call == "re.compile" and value.args and isinstance(value.args[0], ast.Constant):
        return ("pattern", value.args[0].value)
    if call == "word_set" and value.args and isinstance(value.args[0], ast.Constant):
        words = frozenset(value.args[0].value.split())
    elif call in ("frozenset", "set") and value.args:
        return _spelled(value.args[0])
    elif isinstance(value, (ast.Tuple, ast.Set, ast.List)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
    ):
        words = frozenset(e.value for e in value.elts)
    else:
        return None
    return ("words", words) if len(words) >= 3 else None


def spelled_twice(root=ROOT):
    places = defaultdict(set)
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        body = [*tree.body, *(n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body)]
        for node in body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                spelled = _spelled(node.value)
                if spelled is not None:
                    name = f"{path.relative_to(root)}:{ast.unparse(node.targets[0])}"
                    places[spelled].add(name)
    return sorted(
        sorted(names)
        for names in places.values()
        if len({name.split(":")[0] for name in names}) > 1
        and frozenset(names) not in ALIKE_BY_CHANCE
    )


def test_no_word_list_or_pattern_is_spelled_in_two_modules():
    assert spelled_twice() == []


def test_the_search_finds_a_list_spelled_twice(tmp_path):
    (tmp_path / "a.py").write_text('import re\nX = ("ма", "ме", "ба")\nP = re.compile(r"\\w+н")\n')
    (tmp_path / "b.py").write_text('Y = word_set("ба ме ма")\nZ = ("ма",)\n')
    (tmp_path / "c.py").write_text('import re\nQ = re.compile(r"\\w+н")\n')
    assert spelled_twice(tmp_path) == [["a.py:P", "c.py:Q"], ["a.py:X", "b.py:Y"]]
