"""Letters as PDF (fpdf2), with the address placed for a #10 window envelope.

Speed (issue 15, part 5): embedding a TrueType font means parsing and subsetting it for every
document, about 0.2 s a letter, which made 10,000 letters take most of an hour. A letter whose
text fits the Windows-1252 range (English and French, with accents, guillemets, the euro and
typographic quotes) is therefore set in the PDF base font Helvetica, which every reader has and
nothing embeds (a few milliseconds a letter). Any other character (a name in another script)
switches the whole letter to Roboto from the ``font-roboto`` package (a Unicode TrueType font
shipped with pip, so no system packages); its parse is cached (a per-document copy with a fresh,
lazily read font file, since fpdf2's subsetting changes the font it is given).

Lines are broken here, a word at a time (``wrap``), and each is set with ``cell``: fpdf2's
``multi_cell`` measures the whole line again for every character, which was most of the time left.

The address block sits 20 mm from the left and 50 mm from the top, inside the window of a
standard Canadian #10 envelope when the sheet is folded in three.
"""

from __future__ import annotations

import copy
import io
from functools import cache
from importlib import resources
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import TTFFont

from onestop.notices.letters import Letter

WINDOW_LEFT_MM, WINDOW_TOP_MM, WINDOW_WIDTH_MM = 20.0, 50.0, 90.0
HEADER = {"en": "Department of Community Services", "fr": "Ministère des Services communautaires"}
REF = {"en": "Our reference", "fr": "Notre référence"}
CORE_ENCODING = "windows-1252"
CORE_FAMILY, UNICODE_FAMILY = "Helvetica", "Roboto"
#: Spaces Babel writes that Windows-1252 lacks, and the space it has instead.
_SPACES = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2007": " "})
_FONT_FILES = {"": "Roboto-Regular.ttf", "B": "Roboto-Bold.ttf"}


class LetterPDF(FPDF):
    """A document that knows which font family its letters are set in."""

    def __init__(self, family: str) -> None:
        super().__init__(format="Letter", unit="mm")
        self.letter_family = family


def _font(name: str) -> Path:
    return Path(str(resources.files("font_roboto") / "files" / name))


@cache
def _roboto() -> dict[str, tuple[TTFFont, bytes]]:
    """Roboto parsed once per style (metrics, character map), with the file's bytes."""
    holder = FPDF()
    found: dict[str, tuple[TTFFont, bytes]] = {}
    for style, name in _FONT_FILES.items():
        key = f"{UNICODE_FAMILY.lower()}{style}"
        holder.add_font(UNICODE_FAMILY, style, str(_font(name)))
        parsed = holder.fonts[key]
        assert isinstance(parsed, TTFFont)
        found[key] = (parsed, _font(name).read_bytes())
    return found


def _add_roboto(pdf: FPDF) -> None:
    """Give ``pdf`` its own copy of the parsed fonts, each with a fresh font file to subset."""
    for key, (parsed, data) in _roboto().items():
        font = copy.deepcopy(parsed)
        font.ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True)
        font.i = len(pdf.fonts) + 1
        pdf.fonts[key] = font


def fits_core(*texts: str) -> bool:
    """Whether the base font can print every character of these texts."""
    try:
        for text in texts:
            text.translate(_SPACES).encode(CORE_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def _document(*, unicode: bool) -> LetterPDF:
    pdf = LetterPDF(UNICODE_FAMILY if unicode else CORE_FAMILY)
    pdf.core_fonts_encoding = CORE_ENCODING
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    if unicode:
        _add_roboto(pdf)
    return pdf


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at spaces (a no-break space holds)."""
    lines: list[str] = []
    space = pdf.get_string_width(" ")
    for hard in text.split("\n"):
        line, used = "", 0.0
        for word in hard.split(" "):
            size = pdf.get_string_width(word)
            if line and used + space + size <= width:
                line, used = f"{line} {word}", used + space + size
                continue
            if line:
                lines.append(line)
            while size > width and len(word) > 1:  # a word longer than the line: cut it
                cut = len(word)
                while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                size = pdf.get_string_width(word)
            line, used = word, size
        lines.append(line)
    return lines


def _lines(pdf: FPDF, width: float, height: float, text: str) -> None:
    """A paragraph, one ``cell`` a line, from the left margin (pages break as they fill)."""
    width = width or pdf.w - pdf.l_margin - pdf.r_margin
    for line in wrap(pdf, text, width - 2 * pdf.c_margin):
        pdf.cell(width, height, line, new_x="LMARGIN", new_y="NEXT")


def add_letter(pdf: LetterPDF, letter: Letter, address: list[str], *, reference: str, dated: str) -> None:
    """One letter on new pages of ``pdf`` (print files hold many)."""
    family = pdf.letter_family

    def text(value: str) -> str:
        return value.translate(_SPACES) if family == CORE_FAMILY else value

    pdf.add_page()
    pdf.set_font(family, "B", 11)
    pdf.cell(0, 6, HEADER[letter.language], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    pdf.cell(0, 5, text(f"{REF[letter.language]}: {reference}    {dated}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(WINDOW_LEFT_MM, WINDOW_TOP_MM)
    pdf.set_font(family, "", 11)
    _lines(pdf, WINDOW_WIDTH_MM, 5.5, text("\n".join(address)) or " ")
    pdf.set_y(WINDOW_TOP_MM + 40)
    pdf.set_font(family, "B", 13)
    _lines(pdf, 0, 7, text(letter.subject))
    pdf.ln(3)
    pdf.set_font(family, "", 11)
    for paragraph in letter.paragraphs:
        _lines(pdf, 0, 5.5, text(paragraph))
        pdf.ln(2.5)
    pdf.set_font(family, "", 9)
    _lines(pdf, 0, 4.5, text(letter.legal))


def _texts(letter: Letter, address: list[str], reference: str, dated: str) -> list[str]:
    return [
        letter.subject,
        letter.legal,
        *letter.paragraphs,
        *address,
        reference,
        dated,
        HEADER[letter.language],
    ]


def render_pdf(letter: Letter, address: list[str], *, reference: str, dated: str) -> bytes:
    """One letter as a PDF document."""
    pdf = _document(unicode=not fits_core(*_texts(letter, address, reference, dated)))
    add_letter(pdf, letter, address, reference=reference, dated=dated)
    return bytes(pdf.output())


def new_print_file(letters: list[tuple[Letter, list[str]]] | None = None) -> LetterPDF:
    """An empty print file that ``add_letter`` fills; in Roboto when any of ``letters`` needs it."""
    unicode = any(not fits_core(*_texts(letter, address, "", "")) for letter, address in letters or [])
    return _document(unicode=unicode)
