"""The cheque register as CSV and PDF (fpdf2), each written atomically."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from onestop.common.money import format_cents
from onestop.money.models import Cheque
from onestop.money.payments.private_files import open_private

COLUMNS = ("number", "issued_on", "payee", "amount", "kind", "issuance_id")


def _rows(cheques: Sequence[Cheque]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (
            c.number,
            c.issued_on.isoformat(),
            c.payee_name,
            format_cents(c.amount_cents),
            c.kind,
            str(c.issuance_id),
        )
        for c in cheques
    ]


def register_csv(cheques: Sequence[Cheque]) -> bytes:
    """The register as CSV (amounts as decimal strings)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_rows(cheques))
    return out.getvalue().encode()


def register_pdf(cheques: Sequence[Cheque], *, title: str) -> bytes:
    """The register as a printable PDF with a total."""
    pdf = FPDF(orientation="L", format="Letter")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 9)
    widths = (28, 26, 110, 28, 18, 0)
    for width, name in zip(widths, COLUMNS, strict=True):
        pdf.cell(width, 7, name, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for row in _rows(cheques):
        for width, value in zip(widths, row, strict=True):
            pdf.cell(width, 6, _latin(value[:60]), border=1, align="R" if value == row[3] else "L")
        pdf.ln()
    pdf.set_font("Helvetica", "B", 10)
    total = format_cents(sum(c.amount_cents for c in cheques))
    pdf.cell(0, 8, f"{len(cheques)} cheques, total ${total}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _latin(text: str) -> str:
    """The core PDF fonts cover Latin-1 (French accents included); anything else becomes '?'."""
    return text.encode("latin-1", "replace").decode("latin-1")


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary owner-only (0o600) name, flush to disk, then rename into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.partial")
    with open_private(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    temp.replace(target)
