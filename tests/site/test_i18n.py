"""Kazakh formats, a font with every Kazakh letter, and complete kk/ru catalogues."""

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from django.utils import formats, translation
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


@pytest.mark.parametrize(
    "lang,expected",
    [("kk", "2026\N{NO-BREAK SPACE}жылғы\N{NO-BREAK SPACE}21\N{NO-BREAK SPACE}наурыз"),
     ("ru", "21\N{NO-BREAK SPACE}марта\N{NO-BREAK SPACE}2026\N{NO-BREAK SPACE}г.")],
)  # fmt: skip
def test_long_date(lang, expected):
    with translation.override(lang):
        assert formats.date_format(date(2026, 3, 21)) == expected


def test_kazakh_short_date_and_numbers():
    with translation.override("kk"):
        assert formats.date_format(date(2026, 3, 21), "SHORT_DATE_FORMAT") == "21.03.2026"
        assert formats.number_format(1234567.5, 2, force_grouping=True) == "1\xa0234\xa0567,50"


def test_every_kazakh_month_is_lower_case_kazakh():
    with translation.override("kk"):
        months = [formats.date_format(date(2026, m, 1), "E") for m in range(1, 13)]
    assert months == [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("shape", ["DATE_FORMAT", "DATETIME_FORMAT", "YEAR_MONTH_FORMAT",
                                   "MONTH_DAY_FORMAT", "F", "N", "E"])  # fmt: skip
def test_a_month_is_written_in_lower_case_in_every_format(lang, shape):
    """Kazakh and Russian write a month in lower case («4 желтоқсан», «4 декабря», «декабрь
    2026 г.»): Russian's month and year (the statistics, the admin's dates above a list) read
    «Декабрь 2026 г.» from Django's catalogue, whose names of months stand for a calendar's
    heading. Where a sentence or a heading starts with one, Django's capfirst raises it."""
    with translation.override(lang):
        shown = [formats.date_format(datetime(2026, m, 4, 9), shape) for m in range(1, 13)]
    assert [s for s in shown if s != s.lower()] == []
    assert all(any(ch.isalpha() for ch in s.replace("жылғы", "").replace("г.", "")) for s in shown)


@pytest.mark.parametrize(
    "path",
    [
        "static/fonts/NotoSans-Regular.woff2",
        "static/fonts/NotoSans-Bold.woff2",
        "consent/common/fonts/NotoSans-Regular.ttf",
        "consent/common/fonts/NotoSans-Bold.ttf",
    ],
)
def test_fonts_cover_every_kazakh_letter_and_the_tenge(path):
    cmap = TTFont(ROOT / path).getBestCmap()
    missing = [ch for ch in KAZAKH_LETTERS + "₸«»–—№" if ord(ch) not in cmap]
    assert missing == []


@pytest.mark.parametrize("po", sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")), ids=str)
def test_catalogue_is_complete(po):
    """Every visible string has a kk and a ru translation: none untranslated, none fuzzy."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_both_catalogues_exist():
    for lang in ["kk", "ru"]:
        assert (ROOT / "locale" / lang / "LC_MESSAGES" / "django.po").exists()
