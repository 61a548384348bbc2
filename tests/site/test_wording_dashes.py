"""A dash and a hyphen where each belongs (docs/glossary.md, "Dash and hyphen"): Kazakh and
Russian join a word's parts with a hyphen («веб-сайт», «SHA-256») and set a dash with spaces
between the parts of a sentence («срок ответа — 10 рабочих дней»). A spaced hyphen reads as a
minus or a broken line; a dash inside a word breaks it."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SPACED_HYPHEN = re.compile(r"(?<=\S) [-‐] (?=\S)|(?<=\S)\s[-‐]$|^[-‐]\s(?=\S)", re.M)
DASH_IN_A_WORD = re.compile(r"[^\W\d_][—–][^\W\d_]")
TEMPLATE_TAGS = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)


def translations():
    for path in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):  # the admin's scripts' too
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield path.parts[-3], entry.msgid, text


def faults(text):
    return [m.group(0) for m in (*SPACED_HYPHEN.finditer(text), *DASH_IN_A_WORD.finditer(text))]


@pytest.mark.parametrize("text", ["Сәтсіз кіру - asel", "срок - 10 дней", "- бос", "веб—сайт"])
def test_the_judge_sees_a_hyphen_or_a_dash_out_of_place(text):
    assert faults(text)


@pytest.mark.parametrize("text", ["SHA-256 хеші — нұсқа", "веб-сайт", "— Выберите —", "R-12"])
def test_the_judge_leaves_a_hyphen_and_a_dash_in_place(text):
    assert not faults(text)


def test_no_translation_has_a_hyphen_for_a_dash_or_the_reverse():
    assert {lang for lang, _msgid, _text in translations()} == {"kk", "ru"}
    found = [(lang, msgid, fault) for lang, msgid, text in translations() for fault in faults(text)]
    assert found == [], "\n".join(map(repr, found))


def test_no_template_has_a_hyphen_for_a_dash():
    """The text the templates hold outside translation: a mail's lines, a page's separators. A
    list's item at the start of a plain-text mail's line («- R-12: …») is a bullet, not a dash."""
    found = []
    for path in sorted(ROOT.glob("**/templates/**/*.*")):
        if ".venv" in path.parts or path.suffix not in (".html", ".txt"):
            continue
        text = TEMPLATE_TAGS.sub("0", path.read_text())
        found += [(str(path), m.group(0)) for m in re.finditer(r"\S [-‐] \S", text)]
        found += [(str(path), m.group(0)) for m in DASH_IN_A_WORD.finditer(text)]
    assert found == []


# The admin's mark for an empty value, a dash and not a hyphen, is judged on the admin walk's pages
# with the walk's other judges (tests/site/test_admin_kazakh.py): one walk, not one more here.
