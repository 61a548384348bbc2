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
            pdf.multi_cell(0, 5, value or " ", **line)
    return bytes(pdf.output())
