"""clean_text: what a database or a log line cannot hold goes, what the person wrote stays."""

import pytest

from consent.common.text import clean_text


@pytest.mark.parametrize(
    "value,multiline,expected",
    [
        ("Sa\x00lem", True, "Salem"),  # PostgreSQL text cannot hold NUL
        ("\x1b[31mred\x1b[0m\x07", True, "[31mred[0m"),  # terminal escapes, a bell
        ("a\x7fb\x85c\x9fd", True, "ab\ncd"),  # DEL and C1 go; NEL is a line break
        ("line 1\r\nline 2\rline 3\n\tindented", True, "line 1\nline 2\nline 3\n\tindented"),
        ("broken \udcff byte", True, "broken \ufffd byte"),  # a lone surrogate: unstorable
        ("Сәлем 👋 — «ок»\u00a0\u200d\u202e", True, "Сәлем 👋 — «ок»\u00a0\u200d\u202e"),
        ("  two\r\nlines\tand\u2028more  ", False, "two lines and more"),
        (None, True, ""),
    ],
)
def test_clean_text(value, multiline, expected):
    assert clean_text(value, multiline=multiline) == expected


def test_every_control_but_tab_and_line_breaks_goes():
    cleaned = clean_text("".join(map(chr, range(0x00, 0xA0))))
    # Tab, line feed, carriage return (a line break), the printable ASCII, then NEL (one too).
    assert cleaned == "\t\n\n" + "".join(map(chr, range(0x20, 0x7F))) + "\n"
