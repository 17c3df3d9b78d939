"""The monthly report as the service returns it (and the CLI and API write as JSON)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class MonthlyReport(BaseModel):
    """Figures of one month, optionally for one office. Money is integer cents."""

    month: str
    office: str | None
    tz: str
    contacts: dict[str, Any]
    applications: dict[str, Any]
    decisions: dict[str, Any]
    time_to_decision: dict[str, Any]
    caseload: dict[str, Any]
    tasks: dict[str, int]
    reviews: dict[str, Any]
    payments: dict[str, Any]
    overpayments: dict[str, int]
    appeals: dict[str, Any]
