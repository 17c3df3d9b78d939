"""Reports: figures computed from the records (see docs/reports.md)."""

from onestop.reports.domain import Month, flat_rows, parse_month, percentile
from onestop.reports.render import render_html
from onestop.reports.schemas import MonthlyReport
from onestop.reports.services import monthly_report

__all__ = [
    "Month",
    "MonthlyReport",
    "flat_rows",
    "monthly_report",
    "parse_month",
    "percentile",
    "render_html",
]
