"""The only place that reads the time. Tests pass a ``FixedClock``; nothing else calls ``now()``."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Source of the current time and date (timezone-aware UTC)."""

    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        """Current time, UTC."""
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today's date in UTC."""
        return self.now().date()


class FixedClock:
    """A clock that says what the test tells it; ``advance`` moves it forward."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._at = at

    def now(self) -> dt.datetime:
        """The fixed time."""
        return self._at

    def today(self) -> dt.date:
        """The fixed date."""
        return self._at.date()

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward."""
        self._at += delta
