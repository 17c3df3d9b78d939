"""The demo's replay clock: the office's last weeks are played forward to the real business date.

Services stamp what they do with the unit of work's clock and refuse back-dated work (a task due in the
past, say). So instead of back-dating rows, the demo runs the services on a clock set to each past day
in turn; the audit chain stays in time order and ends at the real ``now``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


class ReplayClock:
    """A clock the loader moves forward; each ``now()`` ticks a millisecond so events keep their order."""

    def __init__(self, at: dt.datetime, zone: str, *, until: dt.datetime) -> None:
        self._at = at.astimezone(dt.UTC)
        self._until = until.astimezone(dt.UTC) - dt.timedelta(minutes=10)
        self._zone = ZoneInfo(zone)

    @classmethod
    def starting(cls, day: dt.date, zone: str, *, until: dt.datetime) -> ReplayClock:
        """A replay from 07:00 local on ``day`` that never passes ``until`` (the real now)."""
        return cls(dt.datetime.combine(day, dt.time(7, 0), tzinfo=ZoneInfo(zone)), zone, until=until)

    def now(self) -> dt.datetime:
        """The replayed time, a millisecond later than the previous reading."""
        self._at += dt.timedelta(milliseconds=1)
        return self._at

    @property
    def last(self) -> dt.datetime:
        """The latest moment the replay reaches (ten minutes before the real ``now``), local time."""
        return self._until.astimezone(self._zone)

    def today(self) -> dt.date:
        """The replayed business date in the office's zone."""
        return self._at.astimezone(self._zone).date()

    def set_day(self, day: dt.date, hour: int = 9, minute: int = 0) -> None:
        """Move to ``day`` at a local time of day; never backwards, never past the real ``now``."""
        local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self._zone).astimezone(dt.UTC)
        self._at = max(self._at, min(local, self._until))

    def set_now(self, at: dt.datetime) -> None:
        """Move to a moment (the real ``now`` at the end of the replay); never backwards."""
        self._at = max(self._at, at.astimezone(dt.UTC))
