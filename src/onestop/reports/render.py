"""The monthly report as a self-contained HTML document (``onestop reports monthly --format html``):
one table per section, amounts in dollars, every value escaped. The staff page has its own template."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from onestop.common.money import format_cents
from onestop.reports.domain import flat_rows
from onestop.reports.schemas import MonthlyReport

TITLES = {
    "contacts": "Contacts",
    "applications": "Applications received",
    "decisions": "Decisions",
    "time_to_decision": "Time from application to decision (days)",
    "caseload": "Caseload",
    "tasks": "Tasks",
    "reviews": "Reviews",
    "payments": "Payments",
    "overpayments": "Overpayments",
    "appeals": "Appeals",
}


def shown(key: str, value: str) -> str:
    """Cents as dollars ("net_cents" 12345 -> "123.45"); everything else as it is."""
    if key.endswith("_cents") and value.lstrip("-").isdigit():
        return format_cents(int(value))
    return value


def render_html(report: MonthlyReport) -> str:
    """A complete HTML page."""
    data: dict[str, Any] = report.model_dump()
    office = report.office or "all offices"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Monthly report {escape(report.month)}, {escape(office)}</title></head><body>",
        f"<h1>Monthly report {escape(report.month)} — {escape(office)}</h1>",
        f"<p>Time zone {escape(report.tz)}. Counted from the records. Amounts in dollars.</p>",
    ]
    rows = flat_rows(data)
    for section, title in TITLES.items():
        parts.append(
            f'<h2>{escape(title)}</h2><table><thead><tr><th scope="col">Figure</th>'
            f'<th scope="col">Value</th></tr></thead><tbody>'
        )
        for row in rows:
            if row["section"] == section:
                key = row["key"].replace("_cents", "")
                parts.append(
                    f'<tr><th scope="row">{escape(key)}</th>'
                    f"<td>{escape(shown(row['key'], row['value']))}</td></tr>"
                )
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
