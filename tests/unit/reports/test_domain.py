"""Pure parts of reports: the month's window, percentiles, flat rows."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.errors import InvalidInput
from onestop.reports.domain import flat_rows, parse_month, percentile


def test_a_month_is_a_window_in_the_offices_time_zone() -> None:
    m = parse_month("2026-03", "America/Edmonton")
    assert (m.first, m.next_first, m.last, m.label) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 4, 1),
        dt.date(2026, 3, 31),
        "2026-03",
    )
    assert m.start == dt.datetime(2026, 3, 1, 7, 0, tzinfo=dt.UTC)  # MST
    assert m.end == dt.datetime(2026, 4, 1, 6, 0, tzinfo=dt.UTC)  # MDT after 8 March
    assert parse_month("2026-12").next_first == dt.date(2027, 1, 1)
    for bad in ("2026-13", "2026-3", "March", ""):
        with pytest.raises(InvalidInput):
            parse_month(bad)


def test_nearest_rank_percentiles() -> None:
    assert percentile([], 50) is None
    assert percentile([10, 3, 25], 50) == 10
    assert percentile([10, 3, 25], 90) == 25
    assert percentile(list(range(1, 11)), 90) == 9
    assert percentile([7], 90) == 7


def test_flat_rows_join_nested_keys() -> None:
    rows = flat_rows(
        {
            "month": "2026-03",
            "office": None,
            "tasks": {"done": 2},
            "payments": {"by_method": {"cheque": {"count": 1}}},
        }
    )
    assert {"section": "payments", "key": "by_method/cheque/count", "value": "1"} in rows
    assert {"section": "office", "key": "", "value": ""} in rows
