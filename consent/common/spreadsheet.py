"""Every CSV the site produces, written one way (compliance L4, L23).

CSV injection (OWASP): a spreadsheet program reads a cell that starts with "=", "+", "-" or "@",
or with a tab or carriage return before one, as a formula, and runs it (HYPERLINK to leak the
sheet, DDE to start a program). Cells hold text a visitor chose (a browser's User-Agent, a name),
so every text cell starting with one of those characters (its full-width forms included, and
after any leading whitespace: a line break, a no-break or ideographic space as well as a plain
one, which a program may trim) gets an apostrophe in front, which the program shows as text.
A program whose list separator is «;» (Excel in Russian and Kazakh regional settings, which opens
a CSV so on a double click) reads our commas as text and starts a cell of its own after each «;»
and, past the quotes it no longer pairs with ours, after a line break: «Win64;=1+1;» in a browser
string or a line «=HYPERLINK(…)» in a reason was a live formula there. The text after each «;»
or line break gets the same apostrophe when a formula starts there (after any whitespace or
quote marks, which that program takes as quoting the cell it starts).
Numbers stay numbers. Every cell is quoted, and the file is UTF-8 with a BOM so that Cyrillic
reads right. Text is written plain (text.plain_text): no-break spaces and the like from the
catalogues' typography are plain spaces, so that a filter typed on a keyboard matches.
"""

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal

from consent.common.text import plain_text

# What a spreadsheet may take for the start of a formula: OWASP's list, plus the full-width
# forms some programs accept in East Asian locales.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# A cell that a «;»-separated reading starts inside ours (after a «;» or a line break, and the
# spaces and quote marks after it, up to the next line break) where it would start a formula.
_SIGNS = re.escape("".join(c for c in FORMULA_START if not c.isspace()))
_INNER_START = re.compile(rf'(?<=[;\n\r])(?=(?:[^\S\r\n]|")*[{_SIGNS}])')


def csv_cell(value: object) -> object:
    """The value as it is safe to write: numbers as they are, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = plain_text(value if isinstance(value, str) else str(value))
    lead = "'" if text.lstrip().startswith(FORMULA_START) else ""
    return lead + _INNER_START.sub("'", text)


def csv_document(rows: Iterable[Iterable[object]]) -> bytes:
    """`rows` (the header first) as a CSV file for spreadsheet programs."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")
