"""What every step of the demo office needs: the replaying container, its clock, the staff, a seeded
random source, and what the steps made (for the counts and the first-visit guide)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.demo.clock import ReplayClock


@dataclass
class Client:
    """A demo household chosen for casework: its unit and applicant."""

    unit_id: uuid.UUID
    person_id: uuid.UUID
    birth_date: dt.date
    name: str
    joined_on: dt.date  # in the household since (an application needs an applicant on its date)
    province: str = "AB"  # of the household's address: NL clients get the health work


@dataclass
class Made:
    """Counts of what the office steps built, and the records the guide links to."""

    counts: dict[str, int] = field(default_factory=dict)
    guide: dict[str, str] = field(default_factory=dict)
    portal_login: tuple[str, str] | None = None

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


@dataclass
class Ctx:
    """The demo office being played forward from ``start`` to ``today``."""

    container: Container
    clock: ReplayClock
    rng: random.Random
    today: dt.date
    staff: dict[str, Actor]
    made: Made = field(default_factory=Made)

    def day(self, offset: int, hour: int = 9, minute: int = 0) -> dt.date:
        """Move the clock to ``today + offset`` days at a local time; the date."""
        day = self.today + dt.timedelta(days=offset)
        self.clock.set_day(day, hour, minute)
        return day

    @property
    def officers(self) -> list[Actor]:
        """The demo officers, each with a caseload."""
        return [a for name, a in sorted(self.staff.items()) if name.startswith("officer")]
