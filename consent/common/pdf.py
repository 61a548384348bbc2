"""PDF documents in Noto Sans, which has every Kazakh letter and the tenge sign."""

from collections.abc import Iterable
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"


def pdf_document(
    title: str, subtitle: str, blocks: Iterable[tuple[str, Iterable[tuple[str, str]]]]
) -> bytes:
    """A landscape A4 PDF in Noto Sans (every Kazakh letter): a title, then blocks of
    (heading, [(label, value)]) lines."""
    # Imported here: fpdf and fontTools are a sixth of the start-up of every process that loads
    # the admin (each gunicorn worker, each run of a timer's command), and few of them make a PDF.
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape")
    pdf.add_font("Noto", "", FONTS / "NotoSans-Regular.ttf")
    pdf.add_font("Noto", "B", FONTS / "NotoSans-Bold.ttf")
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
            for text in wrapped(pdf, value or " ", pdf.w - pdf.r_margin - left):
                pdf.x = left
                pdf.cell(0, 5, text, **line)
    return bytes(pdf.output())


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
