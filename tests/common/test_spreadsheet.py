"""consent.common.spreadsheet: no CSV of the site carries a live formula (OWASP CSV injection)."""

import csv
import io

import pytest

from consent.common.spreadsheet import csv_cell, csv_document
from consent.common.text import plain_text

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1", "  @x",
            "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20x",
            # after whitespace other than a plain space (a reason staff pasted from a letter)
            "\n=1", "\r\n+1", "\u00a0=1", "\u3000\uff1d1", "\u2003-1", "\u2028@x"]  # fmt: skip


@pytest.mark.parametrize("cell", FORMULAS)
def test_text_that_starts_a_formula_gets_an_apostrophe(cell):
    # Written plain (a no-break space as a space), and still neutralised.
    assert csv_cell(cell) == "'" + plain_text(cell)


@pytest.mark.parametrize("cell", ["Әсел", "Mozilla/5.0 (X11)", "a=b", "1-2", "", "'=1"])
def test_other_text_is_left_alone(cell):
    assert csv_cell(cell) == cell


def test_numbers_stay_numbers_and_none_is_empty():
    assert [csv_cell(v) for v in (-5, 2.5, None, True)] == [-5, 2.5, "", "True"]


def test_a_document_reads_back_with_a_bom_and_every_cell_quoted():
    body = csv_document([["name", "agent"], ["Әсел", '=HYPERLINK("http://x","y")'], [1, -2]])
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0] == '"name","agent"'
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "agent"], ["Әсел", '\'=HYPERLINK("http://x","y")'], ["1", "-2"]]
