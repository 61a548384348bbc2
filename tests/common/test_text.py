"""clean_text: what a database or a log line cannot hold goes, what the person wrote stays;
clean_form_text: what a visitor typed into a form reads as it is stored."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from consent.common.directions import QUOTED_MAX, validate_lines_direction_closed
from consent.common.text import EMOJI_SEQUENCE, clean_form_text, clean_text


@pytest.mark.parametrize(
    "value,multiline,expected",
    [
        ("Sa\x00lem", True, "Salem"),  # PostgreSQL text cannot hold NUL
        ("\x1b[31mred\x1b[0m\x07", True, "[31mred[0m"),  # terminal escapes, a bell
        ("a\x7fb\x85c\x9fd", True, "ab\ncd"),  # DEL and C1 go; NEL is a line break
        # a vertical tab (Word's manual line break) and a form feed (its page break) are ones too
        ("one\x0btwo\x0cthree", True, "one\ntwo\nthree"),
        ("Әсел\x0bҚасымова", False, "Әсел Қасымова"),
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
    # Tab, line feed, vertical tab, form feed, carriage return (line breaks), the printable
    # ASCII, then NEL (one too).
    assert cleaned == "\t\n\n\n\n" + "".join(map(chr, range(0x20, 0x7F))) + "\n"


# --- clean_form_text: a form field's text reads as it is stored (compliance T18, T20) --------

INVISIBLE = ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u00ad", "\u034f", "\u061c", "\u115f",
             "\u180e", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
             "\u202c", "\u202d", "\u202e", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u3164", "\ufeff", "\ue000", "\U000e0041", "\U0010ffff"]  # fmt: skip


@pytest.mark.parametrize("ch", INVISIBLE, ids=lambda ch: f"U+{ord(ch):04X}")
@pytest.mark.parametrize("multiline", [False, True])
def test_controls_and_invisible_characters_are_removed(ch, multiline):
    assert clean_form_text(f"Әсел{ch}{ch} Қасымова{ch}", multiline=multiline) == "Әсел Қасымова"


@pytest.mark.parametrize("space", ["\t", "\n", "\r\n", "\x85", "\u00a0", "\u2003", "\u2028",
                                   "\u2029", "\u3000", " \u200b "])  # fmt: skip
def test_a_single_line_has_single_spaces(space):
    assert clean_form_text(f"{space}Әсел{space}{space}Қасымова{space}", multiline=False) == (
        "Әсел Қасымова"
    )


def test_a_multi_line_text_keeps_lines_and_tabs():
    text = "\r\n  \nСәлем!  \r\n\tҚалайсыз?\rЖауап\u2028күтемін\x0b\n\n"
    assert clean_form_text(text, multiline=True) == "Сәлем!\n\tҚалайсыз?\nЖауап\nкүтемін"


def test_nfc_after_removal():
    # "е" + U+200B + combining diaeresis: once the zero-width space is gone, "ё" in one code point
    assert clean_form_text("Пе\u200b\u0308тров", multiline=False) == "Пётров"


# Emoji written with format characters: joined (family, a technologist of a skin tone, a heart on
# fire), a subdivision flag (Scotland), a keycap. What the person wrote, kept as written.
EMOJI = ["👨\u200d👩\u200d👧", "👩🏽\u200d💻", "❤️\u200d🔥", "🏳️\u200d🌈",
         "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "1️⃣"]  # fmt: skip


@pytest.mark.parametrize("emoji", EMOJI, ids=ascii)
@pytest.mark.parametrize("multiline", [False, True])
def test_emoji_sequences_are_kept_as_written(emoji, multiline):
    assert clean_form_text(f"Рахмет {emoji}!", multiline=multiline) == f"Рахмет {emoji}!"


PADDED = ["Ә\u200dсел", "👍\u200d", "\u200d👍", "👍\u200d\u200dсел", "Ә\U000e0067сел",
          "🏴\U000e0067сел", "👍\u200b\u200d👍"]  # fmt: skip


@pytest.mark.parametrize("padded", PADDED, ids=ascii)
def test_a_joiner_or_tag_outside_an_emoji_sequence_still_goes(padded):
    cleaned = clean_form_text(padded, multiline=False)
    assert "\u200d" not in cleaned and not any(0xE0000 <= ord(ch) <= 0xE007F for ch in cleaned)


@given(st.text(), st.booleans())
def test_any_text_comes_out_clean_and_stable(value, multiline):
    cleaned = clean_form_text(value, multiline=multiline)
    allowed = "\n\t" if multiline else ""
    assert all(
        unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"} or ch in allowed
        for ch in EMOJI_SEQUENCE.sub("", cleaned)  # a joiner or tags within emoji aside
    )
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_form_text(cleaned, multiline=multiline) == cleaned
    assert cleaned == cleaned.strip()


# A variation selector or an accent where it draws nothing (blank_marks.draws_nothing); what
# one does draw (an emoji's, an ideograph's, a keycap's, a stress mark) stays.
DRAWN_NOTHING = [("Ә\ufe00сел", "Әсел"), ("Ольга\ufe0f", "Ольга"), ("Asel\U000e01ef", "Asel"),
                 ("Әсел\u180b", "Әсел"), ("\u0301Әсел", "Әсел"), ("Әсел \u0301\u0308Қ", "Әсел Қ"),
                 ("\ufe0fӘсел", "Әсел")]  # fmt: skip
DRAWN = ["❤\ufe0f", "©\ufe0f", "1\ufe0f\u20e3", "\u845b\U000e0100", "Пе\u0301тр", "ᠠ\u180b"]


@pytest.mark.parametrize("sent,kept", DRAWN_NOTHING, ids=ascii)
@pytest.mark.parametrize("multiline", [False, True])
def test_what_draws_nothing_goes(sent, kept, multiline):
    assert clean_form_text(sent, multiline=multiline) == kept


@pytest.mark.parametrize("sent", DRAWN, ids=ascii)
def test_what_draws_something_stays(sent):
    assert clean_form_text(f"Рахмет {sent}", multiline=False) == f"Рахмет {sent}"


def test_a_refusal_of_an_open_direction_mark_quotes_a_short_piece_of_its_line():
    """A pasted run of letters with no space (an address, a hash) before the mark is quoted by
    its end, not whole: the refusal stays a sentence."""
    with pytest.raises(ValidationError) as refused:
        validate_lines_direction_closed("Бірінші жол\n" + "x" * 5000 + "\u202eשלום")
    assert f"«{'x' * QUOTED_MAX}»" in refused.value.messages[0]
    assert "x" * (QUOTED_MAX + 1) not in refused.value.messages[0]
