"""Monthly figures, pure: the month's window, percentiles, and the report's flat rows.

Every figure is counted from the records themselves (interactions, applications, decisions, tasks,
reviews, issuances, overpayments and recoveries, appeals), never from counters kept on the side, so a
report for a past month can be produced again and gives the same numbers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from onestop.common.errors import InvalidInput

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Month:
    """A calendar month in an office's time zone: dates [first, next_first) and the same as UTC instants."""

    first: dt.date
    next_first: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def label(self) -> str:
        """``YYYY-MM``."""
        return self.first.strftime("%Y-%m")

    @property
    def last(self) -> dt.date:
        """The month's last day."""
        return self.next_first - dt.timedelta(days=1)


def parse_month(text: str, tz: str = "UTC") -> Month:
    """``2026-03`` as a window; anything else is refused naming ``month``."""
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12:
        raise InvalidInput("month", "must be YYYY-MM, e.g. 2026-03")
    first = dt.date(int(match[1]), int(match[2]), 1)
    next_first = (first + dt.timedelta(days=32)).replace(day=1)
    zone = ZoneInfo(tz)
    start = dt.datetime.combine(first, dt.time(), zone).astimezone(dt.UTC)
    end = dt.datetime.combine(next_first, dt.time(), zone).astimezone(dt.UTC)
    return Month(first, next_first, start, end)


def percentile(values: Sequence[int], pct: int) -> int | None:
    """The nearest-rank percentile (the smallest value with at least ``pct`` % at or below it)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def flat_rows(report: dict[str, Any]) -> list[dict[str, str]]:
    """The report as (section, key, value) rows for CSV: nested groups joined with '/'."""
    out: list[dict[str, str]] = []

    def walk(section: str, prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(section, f"{prefix}/{k}" if prefix else str(k), v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(section, f"{prefix}/{i}" if prefix else str(i), v)
        else:
            out.append({"section": section, "key": prefix, "value": "" if value is None else str(value)})

    for section, value in report.items():
        if section in ("month", "office", "tz"):
            out.append({"section": section, "key": "", "value": "" if value is None else str(value)})
        else:
            walk(section, "", value)
    return out
