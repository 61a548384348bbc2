"""PDF documents in Noto Sans, which has every Kazakh letter and the tenge sign, with DejaVu Sans
for the letters it lacks; a character neither font can draw is written as its Unicode number."""

import io
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

FONTS = Path(__file__).resolve().parent / "fonts"
# Noto Sans here is a subset (Latin-1 and Cyrillic): the letters of the 2021 Kazakh Latin
# alphabet (Ğ, Ş, Ū, İ), Azerbaijani Ə, Greek, Vietnamese... come from DejaVu Sans, a subset
# of Debian's fonts-dejavu-core made with fontTools' pyftsubset (Latin Extended A, B and
# Additional, spacing modifiers and combining marks, Greek, Cyrillic and its supplement,
# punctuation, currency and letterlike symbols), its copyright and licence kept in the file.
FALLBACK = {"": "DejaVuSans-Extended.ttf", "B": "DejaVuSans-Bold-Extended.ttf"}
# What a line may hold but no font draws: a tab (a letter's indentation) is a space.
TABS = re.compile("\t")


@cache
def _codes(font: str) -> frozenset[int]:
    """Every code point the font file `font` draws (its regular and bold have the same sets)."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(FONTS / font).getBestCmap())


@cache
def _drawn() -> frozenset[int]:
    """Every code point one of the fonts draws."""
    return _codes("NotoSans-Regular.ttf") | _codes(FALLBACK[""])


def _beyond_noto(texts: Iterable[str]) -> bool:
    """Whether a character of `texts` (already `drawable`) needs the fallback font."""
    noto = _codes("NotoSans-Regular.ttf")
    return any(ord(ch) not in noto for text in texts for ch in set(text) - {"\n"})


def drawable(text: str) -> str:
    """`text` with each character no font here draws written as its number, «[U+1F600]»: the
    PDF library left such characters out without a word, and the access answer of a person who
    wrote «Äsel Qasymova 👩‍💻» or a line in Arabic held neither the emoji nor the line."""
    drawn = _drawn()
    text = TABS.sub(" ", text)
    return "".join(ch if ord(ch) in drawn or ch == "\n" else f"[U+{ord(ch):04X}]" for ch in text)


class Picture(NamedTuple):
    """A row's value that is an image (a JPEG's bytes), drawn under its caption."""

    jpeg: bytes
    caption: str


# How large a picture is drawn: its longer side, in millimetres.
PICTURE_MM = 60


def pdf_document(
    title: str, subtitle: str, blocks: Iterable[tuple[str, Iterable[tuple[str, str | Picture]]]]
) -> bytes:
    """A landscape A4 PDF in Noto Sans (every Kazakh letter): a title, then blocks of
    (heading, [(label, value)]) lines; a value may be a Picture."""
    # Imported here: fpdf and fontTools are a sixth of the start-up of every process that loads
    # the admin (each gunicorn worker, each run of a timer's command), and few of them make a PDF.
    from fpdf import FPDF, ViewerPreferences

    title, subtitle = drawable(title), drawable(subtitle)
    blocks = [
        (drawable(heading), [(drawable(label), _drawable_value(value)) for label, value in rows])
        for heading, rows in blocks
    ]
    texts = (t.caption if isinstance(t, Picture) else t for h, rows in blocks
             for t in (h, *sum(rows, ())))  # fmt: skip
    everything = [title, subtitle, *texts]
    if any("[U+" in text for text in everything):
        subtitle += "\n" + _(
            "Characters this file cannot draw are written as their Unicode numbers, for "
            "example [U+1F600]."
        )
    pdf = FPDF(orientation="landscape")
    # Its title and language in the file: a reader showed and a screen reader said «R-12.pdf»,
    # and read the Kazakh or Russian text in its own default voice.
    pdf.set_title(title)
    pdf.set_lang(get_language() or settings.LANGUAGE_CODE)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_font("Noto", "", FONTS / "NotoSans-Regular.ttf")
    pdf.add_font("Noto", "B", FONTS / "NotoSans-Bold.ttf")
    # The fallback only where a character needs it: each font added is parsed, subset and
    # embedded, used or not, and the two fallbacks were half the CPU of a PDF in Kazakh or
    # Russian alone (an access answer on the desk, a download on the person's page: 105 -> 52
    # ms for a page of letters) and a quarter of its bytes.
    if _beyond_noto(everything):
        pdf.add_font("DejaVu", "", FONTS / FALLBACK[""])
        pdf.add_font("DejaVu", "B", FONTS / FALLBACK["B"])
        pdf.set_fallback_fonts(["DejaVu"])
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    line = {"new_x": "LMARGIN", "new_y": "NEXT"}
    pdf.set_font("Noto", "B", 13)
    pdf.multi_cell(0, 8, title, **line)
    pdf.set_font("Noto", "", 9)
    pdf.multi_cell(0, 6, subtitle, **line)
    for heading, rows in blocks:
        pdf.ln(2)
        if heading:
            pdf.set_font("Noto", "B", 10)
            pdf.multi_cell(0, 6, heading, **line)
        for label, value in rows:
            pdf.set_font("Noto", "B", 8)
            if pdf.get_string_width(label) < 78:
                pdf.cell(80, 5, label)
            else:  # a long label gets a line of its own
                pdf.multi_cell(0, 5, label, **line)
            pdf.set_font("Noto", "", 8)
            left = pdf.x
            if isinstance(value, Picture):
                _picture(pdf, value, left)
                continue
            for text in wrapped(pdf, value or " ", pdf.w - pdf.r_margin - left):
                pdf.x = left
                pdf.cell(0, 5, text, **line)
    return bytes(pdf.output())


def _drawable_value(value: str | Picture) -> str | Picture:
    if isinstance(value, Picture):
        return value._replace(caption=drawable(value.caption))
    return drawable(value or "")


def _picture(pdf, picture: Picture, left: float) -> None:
    """The caption on the label's line, the picture under it at the value's left edge, on the
    next page when this one has no room for it."""
    pdf.cell(0, 5, picture.caption, new_x="LMARGIN", new_y="NEXT")
    if pdf.y + PICTURE_MM > pdf.page_break_trigger:
        pdf.add_page()
    info = pdf.image(io.BytesIO(picture.jpeg), x=left, y=pdf.y, w=PICTURE_MM, h=PICTURE_MM,
                     keep_aspect_ratio=True)  # fmt: skip
    pdf.y += info.rendered_height + 2


def wrapped(pdf, text: str, width: float) -> list[str]:
    """`text` in lines no wider than `width` in the current font, broken at spaces (a word
    wider than a line is cut). Measured a character at a time, once: fpdf2's multi_cell
    measures its whole line again for every character it adds, so a long value cost the
    square of its line's length: the PDF of a person who had sent 100 long letters took 7 s of
    CPU (an access answer on the desk, a download on their page), 300 letters 23 s. A word
    wider than a line is cut the same way, not measured again whole for each line it fills
    (an emailed request of one 100,000-character word: 6 s)."""
    widths: dict[str, float] = {}

    def measure(chars: str) -> float:
        for char in chars:
            if char not in widths:
                widths[char] = pdf.get_string_width(char)
        return sum(widths[char] for char in chars)

    space, lines = measure(" "), []
    for paragraph in text.split("\n"):
        current, used = "", 0.0
        for word in paragraph.split(" "):
            size = measure(word)
            if current and used + space + size <= width:
                current, used = f"{current} {word}", used + space + size
                continue
            if current or not paragraph:
                lines.append(current)
            start = 0
            while size > width:  # a word wider than the line: cut where it fills one
                end, filled = start + 1, widths[word[start]]  # a character at least
                while end < len(word) and filled + widths[word[end]] <= width:
                    filled, end = filled + widths[word[end]], end + 1
                lines.append(word[start:end])
                start, size = end, size - filled
            current, used = word[start:], size
        lines.append(current)
    return lines
