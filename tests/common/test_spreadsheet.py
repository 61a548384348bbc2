"""consent.common.spreadsheet: no CSV of the site carries a live formula (OWASP CSV injection)."""

import csv
import io

import pytest

from consent.common.spreadsheet import FORMULA_START, csv_cell, csv_document
from consent.common.text import plain_text

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1", "  @x",
            "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20x",
            # after whitespace other than a plain space (a reason staff pasted from a letter)
            "\n=1", "\r\n+1", "\u00a0=1", "\u3000\uff1d1", "\u2003-1", "\u2028@x"]  # fmt: skip


@pytest.mark.parametrize("cell", FORMULAS)
def test_text_that_starts_a_formula_gets_an_apostrophe(cell):
    # Written plain (a no-break space as a space), and still neutralised; a formula after a
    # line break gets its own (below).
    assert csv_cell(cell).startswith("'")
    assert csv_cell(cell).replace("'", "") == plain_text(cell)


# Text a visitor chooses (a browser string, a reason) that starts a formula where a «;»-separated
# reading starts a cell: after a «;», or after a line break, past quote marks and spaces.
INSIDE = ["Mozilla/5.0 (Windows NT 10.0; Win64;=1+1;)", "Win64;=cmd|' /C calc'!A0;",
          'x;"=HYPERLINK(""http://x"")', "x; @SUM(A1)", "x;\uff1d1", "себебі:\n=1+1",
          "reason\r\n -2+3", "a;\t=1", "- бірінші\n- екінші"]  # fmt: skip


def as_excel_in_russian(body: bytes) -> list[list[str]]:
    """The cells of `body` as a spreadsheet whose list separator is «;» reads them (Excel in
    Russian or Kazakh regional settings, opening a CSV on a double click): our commas are text,
    a quote mark pairs only at the start of a cell, and a line break outside one ends the row."""
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize("text", INSIDE)
def test_no_formula_starts_where_a_semicolon_reading_starts_a_cell(text):
    body = csv_document([["браузер", "себеп"], [text, "ok"], ["ok", text]])
    cells = [cell for row in as_excel_in_russian(body) for cell in row]
    assert not [cell for cell in cells if cell.lstrip().startswith(FORMULA_START)]
    # and a comma reading gets the text back, an apostrophe before each such start
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[1][0].replace("'", "") == plain_text(text).replace("'", "")


@pytest.mark.parametrize("text", ["Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "a; b=c", "1-2; x"])
def test_a_semicolon_before_plain_text_is_left_alone(text):
    assert csv_cell(text) == text


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
