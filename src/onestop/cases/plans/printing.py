"""Printable outcome plans: one layout, rendered as plain text (safe in an HTML <pre>) or as a PDF.

The PDF embeds a Unicode TrueType font (DejaVu Sans), so French and other accented names print
correctly; the core PDF fonts only know Latin-1.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from onestop.cases.plans.errors import FontMissingError
from onestop.cases.plans.schemas import PlanPublic

PACKAGED_FONTS = Path(__file__).resolve().parent / "fonts"
FONT_DIRS = (
    PACKAGED_FONTS,  # a copy shipped with the package, if an operator adds one
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu (fonts-dejavu-core)
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora, RHEL
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/usr/local/share/fonts"),
)
WIDTH = 90


@dataclass(frozen=True)
class Block:
    """One piece of the layout: a title, a heading, a paragraph or a list item."""

    kind: str
    text: str


def layout(plan: PlanPublic, *, person_name: str, printed_at: dt.datetime, printed_by: str) -> list[Block]:
    """What a printed plan says, in order."""
    blocks = [
        Block("title", f"Outcome plan: {plan.title}"),
        Block("para", f"Client: {person_name}"),
        Block("para", f"Status: {plan.status}    Version {plan.revision} of {plan.current_revision}"),
        Block("para", f"Started {plan.created_at.date().isoformat()} by {plan.created_by}"),
        Block("heading", "Goals"),
        *[Block("item", f"{g.id}  [{_words(g.status)}]  {g.text}") for g in plan.goals],
        Block("heading", "Actions"),
    ]
    for a in plan.actions:
        owner = a.owner if not a.owner_name else f"{a.owner} ({a.owner_name})"
        due = f"; due {a.due_on.isoformat()}" if a.due_on else ""
        goal = f"; for {a.goal_id}" if a.goal_id else ""
        blocks.append(Block("item", f"{a.id}  [{_words(a.status)}]  {a.text} (by {owner}{due}{goal})"))
    if not plan.actions:
        blocks.append(Block("para", "No actions yet."))
    blocks.append(Block("heading", "Reviews"))
    for r in plan.reviews:
        head = f"{r.review_on.isoformat()}, period {r.period_from.isoformat()} to {r.period_to.isoformat()}"
        blocks.append(Block("item", f"{r.id}  {head}: {_words(r.progress)} ({r.reviewed_by})"))
        blocks.append(Block("para", r.notes))
    if not plan.reviews:
        blocks.append(Block("para", "No reviews yet."))
    if plan.closing_note:
        blocks += [Block("heading", "Closing note"), Block("para", plan.closing_note)]
    stamp = printed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    blocks.append(Block("footer", f"Printed {stamp} by {printed_by}. Plan {plan.id}."))
    return blocks


def _words(value: str) -> str:
    return value.replace("_", " ")


def render_text(blocks: list[Block]) -> str:
    """Plain text, wrapped to 90 columns; no markup, so it is safe to escape and show in <pre>."""
    lines: list[str] = []
    for b in blocks:
        if b.kind == "title":
            lines += [b.text, "=" * min(len(b.text), WIDTH), ""]
        elif b.kind == "heading":
            lines += ["", b.text, "-" * len(b.text)]
        elif b.kind == "item":
            lines += textwrap.wrap(b.text, WIDTH, initial_indent="* ", subsequent_indent="  ") or ["*"]
        elif b.kind == "footer":
            lines += ["", *textwrap.wrap(b.text, WIDTH)]
        else:
            for paragraph in b.text.splitlines() or [""]:
                lines += textwrap.wrap(paragraph, WIDTH, initial_indent="  ", subsequent_indent="  ") or [""]
    return "\n".join(lines) + "\n"


def find_font() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold (bold falls back to regular); FontMissingError if none is installed."""
    for folder in FONT_DIRS:
        regular = folder / "DejaVuSans.ttf"
        if regular.is_file():
            bold = folder / "DejaVuSans-Bold.ttf"
            return regular, bold if bold.is_file() else regular
    raise FontMissingError(
        f"no DejaVuSans.ttf to print plans with; install fonts-dejavu-core or copy it to {PACKAGED_FONTS}"
    )


def render_pdf(
    blocks: list[Block], *, created_at: dt.datetime, fonts: tuple[Path, Path] | None = None
) -> bytes:
    """A Letter-size PDF with an embedded Unicode font; the same input gives the same bytes."""
    regular, bold = fonts or find_font()
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(created_at)
    pdf.set_title(blocks[0].text if blocks else "Outcome plan")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    for b in blocks:
        _pdf_block(pdf, b)
    return bytes(pdf.output())


_STYLE = {"title": ("B", 16, 9), "heading": ("B", 12, 7), "item": ("", 10, 5.5), "footer": ("", 8, 4.5)}


def _pdf_block(pdf: FPDF, block: Block) -> None:
    style, size, height = _STYLE.get(block.kind, ("", 10, 5.5))
    pdf.set_font("DejaVu", style, size)
    if block.kind in ("heading", "footer"):
        pdf.ln(3)
    indent = 4 if block.kind in ("item", "para") else 0
    pdf.set_x(pdf.l_margin + indent)
    text = f"• {block.text}" if block.kind == "item" else block.text
    pdf.multi_cell(pdf.epw - indent, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
