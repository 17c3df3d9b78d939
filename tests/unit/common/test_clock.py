"""Business dates follow the office's time zone; stored times stay UTC."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.clock import FixedClock, SystemClock


def test_evening_in_edmonton_is_still_today_there() -> None:
    at = dt.datetime(2026, 3, 3, 0, 30, tzinfo=dt.UTC)  # 17:30 on 2 March in Edmonton (MST)
    clock = FixedClock(at, zone="America/Edmonton")
    assert clock.today() == dt.date(2026, 3, 2)
    assert clock.now() == at


def test_utc_clock_uses_the_utc_date() -> None:
    assert FixedClock(dt.datetime(2026, 3, 3, 0, 30, tzinfo=dt.UTC)).today() == dt.date(2026, 3, 3)


def test_fixed_clock_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(dt.datetime(2026, 3, 3))  # noqa: DTZ001 - the point of the test


def test_advance_moves_time_and_date() -> None:
    clock = FixedClock(dt.datetime(2026, 3, 2, 23, 0, tzinfo=dt.UTC))
    clock.advance(dt.timedelta(hours=2))
    assert clock.today() == dt.date(2026, 3, 3)


def test_system_clock_now_is_utc_aware() -> None:
    assert SystemClock("America/St_Johns").now().tzinfo is dt.UTC
