"""Letters as PDF (fpdf2), with the address placed for a #10 window envelope.

The font is Roboto from the ``font-roboto`` package (a Unicode TrueType font shipped with pip, so no
system packages): French accents and the euro/guillemets print. The address block sits 20 mm from
the left and 50 mm from the top, inside the window of a standard Canadian #10 envelope when the
sheet is folded in three.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fpdf import FPDF

from onestop.notices.letters import Letter

WINDOW_LEFT_MM, WINDOW_TOP_MM, WINDOW_WIDTH_MM = 20.0, 50.0, 90.0
HEADER = {"en": "Department of Community Services", "fr": "Ministère des Services communautaires"}
REF = {"en": "Our reference", "fr": "Notre référence"}


def _font(name: str) -> Path:
    return Path(str(resources.files("font_roboto") / "files" / name))


def _document() -> FPDF:
    """An empty document with the fonts loaded.

    Parsing and subsetting the TTF is most of a letter's cost (about 1 s here); a deep copy of a
    loaded template breaks fontTools' subsetting, so each document loads its own (to do: cache).
    """
    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("Roboto", "", str(_font("Roboto-Regular.ttf")))
    pdf.add_font("Roboto", "B", str(_font("Roboto-Bold.ttf")))
    return pdf


def add_letter(pdf: FPDF, letter: Letter, address: list[str], *, reference: str, dated: str) -> None:
    """One letter on new pages of ``pdf`` (print files hold many)."""
    pdf.add_page()
    pdf.set_font("Roboto", "B", 11)
    pdf.cell(0, 6, HEADER[letter.language], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Roboto", "", 9)
    pdf.cell(0, 5, f"{REF[letter.language]}: {reference}    {dated}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(WINDOW_LEFT_MM, WINDOW_TOP_MM)
    pdf.set_font("Roboto", "", 11)
    pdf.multi_cell(WINDOW_WIDTH_MM, 5.5, "\n".join(address) or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(WINDOW_TOP_MM + 40)
    pdf.set_font("Roboto", "B", 13)
    pdf.multi_cell(0, 7, letter.subject, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Roboto", "", 11)
    for paragraph in letter.paragraphs:
        pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    pdf.set_font("Roboto", "", 9)
    pdf.multi_cell(0, 4.5, letter.legal, new_x="LMARGIN", new_y="NEXT")


def render_pdf(letter: Letter, address: list[str], *, reference: str, dated: str) -> bytes:
    """One letter as a PDF document."""
    pdf = _document()
    add_letter(pdf, letter, address, reference=reference, dated=dated)
    return bytes(pdf.output())


def new_print_file() -> FPDF:
    """An empty print file that ``add_letter`` fills, one letter after another."""
    return _document()
