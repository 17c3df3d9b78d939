"""The only place that reads the time. Tests pass a ``FixedClock``; nothing else calls ``now()``.

``now()`` is timezone-aware UTC (what is stored). ``today()`` is the business date in the office's own
time zone: a client who walks in at 17:30 in Edmonton applies today, not tomorrow (UTC).
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """Source of the current time (UTC) and the business date (local to the office)."""

    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The real clock; ``zone`` is the jurisdiction's time zone for business dates."""

    def __init__(self, zone: str = "UTC") -> None:
        self._zone = ZoneInfo(zone)

    def now(self) -> dt.datetime:
        """Current time, UTC."""
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today's date where the office is."""
        return self.now().astimezone(self._zone).date()


class FixedClock:
    """A clock that says what the test tells it; ``advance`` moves it forward."""

    def __init__(self, at: dt.datetime, zone: str = "UTC") -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._at = at.astimezone(dt.UTC)
        self._zone = ZoneInfo(zone)

    def now(self) -> dt.datetime:
        """The fixed time, UTC."""
        return self._at

    def today(self) -> dt.date:
        """The fixed date in the clock's zone."""
        return self._at.astimezone(self._zone).date()

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward."""
        self._at += delta
