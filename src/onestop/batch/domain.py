"""Caseload runs, pure: what a run is, how a row is classified, parameter overlays and summaries.

A *run* re-assesses (or simulates a rate change on) every household with an eligible decision in
force for one program. Households are read and evaluated in *partitions*; each finished partition is
stored in its own transaction, so a run that stops (cancelled, crashed) resumes from the first
partition that did not finish. Nothing here touches the database, Dask or the web.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.money import format_cents

DEFAULT_PARTITION_SIZE = 20_000
MAX_PARTITION_SIZE = 1_000_000


class RunKind(enum.StrEnum):
    """A re-assessment (compared with the decisions in force) or a simulation (base against overlay)."""

    REASSESS = "reassess"
    SIMULATE = "simulate"


class RunStatus(enum.StrEnum):
    """Where a run stands. A cancelled or failed run may be resumed; a finished one is final."""

    RUNNING = "running"
    CANCELLED = "cancelled"
    FAILED = "failed"
    FINISHED = "finished"


RESUMABLE = frozenset({RunStatus.RUNNING, RunStatus.CANCELLED, RunStatus.FAILED})


class RowStatus(enum.StrEnum):
    """One household's result."""

    CHANGED = "changed"  # the amount differs from the one in force (or from the base, in a simulation)
    UNCHANGED = "unchanged"
    INCOMPLETE = "incomplete"  # the rules cannot decide: ``missing`` names the inputs or policy values
    BROKEN = "broken"  # the case data cannot be read at all: ``missing`` names the field and the reason


class ReviewStatus(enum.StrEnum):
    """What an officer did with a changed row of a re-assessment (the reviewed queue)."""

    PENDING = "pending"
    TASKED = "tasked"  # a task was created through the tasks service
    DISMISSED = "dismissed"  # looked at, nothing to do (with a reason)


def check_partition_size(size: int) -> int:
    """A partition holds between 1 and 1,000,000 households."""
    if not 1 <= size <= MAX_PARTITION_SIZE:
        raise InvalidInput("partition_size", f"must be between 1 and {MAX_PARTITION_SIZE:,}")
    return size


def check_resumable(status: str) -> None:
    """Only a run that did not finish can be resumed."""
    if RunStatus(status) not in RESUMABLE:
        raise InvalidTransition(f"a {status} run cannot be resumed")


def check_cancellable(status: str) -> None:
    """Only a running run can be cancelled."""
    if RunStatus(status) is not RunStatus.RUNNING:
        raise InvalidTransition(f"a {status} run cannot be cancelled")


def classify(before: int | None, after: int | None, incomplete: bool) -> RowStatus:
    """Changed, unchanged or incomplete; an unknown ``before`` (no amount in force) counts as 0."""
    if incomplete or after is None:
        return RowStatus.INCOMPLETE
    return RowStatus.UNCHANGED if (before or 0) == after else RowStatus.CHANGED


def family_type(roles: Iterable[str]) -> str:
    """single, single_parent, couple or couple_with_children, from the members' roles in the unit."""
    roles = list(roles)
    couple = "partner" in roles
    children = any(r == "dependant" for r in roles)
    if couple:
        return "couple_with_children" if children else "couple"
    return "single_parent" if children else "single"


# --- parameter overlays -------------------------------------------------------------------------

_OVERLAY = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9_.]+)\s*=\s*(?P<op>[+-]?)(?P<num>\d+(?:\.\d+)?)(?P<pct>%?)\s*$"
)


@dataclass(frozen=True)
class Overlay:
    """A change to one parameter: ``+5%``, ``-2.5%``, ``+25`` (dollars added), ``600`` (set to)."""

    name: str
    op: str  # "+", "-" or "" (set)
    amount: Decimal
    percent: bool

    @property
    def text(self) -> str:
        """As written on the command line."""
        return f"{self.name}={self.op}{self.amount}{'%' if self.percent else ''}"

    def apply(self, value: Any, unit: str) -> Any:
        """The parameter's value (cents, millionths, int; a table or bracket list of them) changed.

        A gap (``None``) stays a gap: an overlay never invents a value the policy does not give.
        Money is rounded half-up to the cent, rates to the millionth.
        """
        if unit == "bool":
            raise InvalidInput("overlay", f"{self.name} is a yes/no parameter; it cannot be scaled")
        if value is None:
            return None
        if isinstance(value, dict):
            return {k: self.apply(v, unit) for k, v in value.items()}
        if isinstance(value, list):  # brackets: (from, value) pairs; the thresholds stay
            return [(start, self.apply(v, unit)) for start, v in value]
        return self._scalar(int(value), unit)

    def _scalar(self, value: int, unit: str) -> int:
        scale = {"money": 100, "rate": 1_000_000}.get(unit, 1)
        signed = -self.amount if self.op == "-" else self.amount
        if self.percent:  # +5% scales; a bare 90% means "90 % of the current value"
            factor = (Decimal(100) + signed if self.op else self.amount) / Decimal(100)
            changed = Decimal(value) * factor
        else:
            changed = Decimal(value) + signed * scale if self.op else self.amount * scale
        return int(changed.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_overlay(text: str) -> Overlay:
    """``name=+5%`` and the like; the name is a parameter's short or qualified name."""
    match = _OVERLAY.match(text)
    if match is None:
        raise InvalidInput(
            "overlay", f"{text!r}: write name=+5%, name=-2%, name=+25 (dollars added) or name=600 (set to)"
        )
    return Overlay(match["name"], match["op"], Decimal(match["num"]), bool(match["pct"]))


# --- summaries ------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Households and money in one group of a run's rows."""

    households: int = 0
    before_cents: int = 0
    after_cents: int = 0
    gainers: int = 0
    losers: int = 0
    gained_cents: int = 0
    lost_cents: int = 0
    incomplete: int = 0
    broken: int = 0

    def add(self, before: int | None, after: int | None, status: str) -> None:
        """Count one row."""
        self.households += 1
        if status == RowStatus.BROKEN:
            self.broken += 1
            return
        if status == RowStatus.INCOMPLETE:
            self.incomplete += 1
            return
        b, a = before or 0, after or 0
        self.before_cents += b
        self.after_cents += a
        if a > b:
            self.gainers += 1
            self.gained_cents += a - b
        elif a < b:
            self.losers += 1
            self.lost_cents += b - a

    def add_totals(self, totals: dict[str, Any]) -> None:
        """Add a group already summed by the database (same field names)."""
        for name in (
            "households",
            "before_cents",
            "after_cents",
            "gainers",
            "losers",
            "gained_cents",
            "lost_cents",
            "incomplete",
            "broken",
        ):
            setattr(self, name, getattr(self, name) + int(totals.get(name) or 0))

    def as_dict(self) -> dict[str, int]:
        """Plain numbers, with the monthly and yearly cost before and after (cents)."""
        return {
            "households": self.households,
            "monthly_before_cents": self.before_cents,
            "monthly_after_cents": self.after_cents,
            "monthly_change_cents": self.after_cents - self.before_cents,
            "yearly_before_cents": self.before_cents * 12,
            "yearly_after_cents": self.after_cents * 12,
            "yearly_change_cents": (self.after_cents - self.before_cents) * 12,
            "gainers": self.gainers,
            "losers": self.losers,
            "gained_cents": self.gained_cents,
            "lost_cents": self.lost_cents,
            "incomplete": self.incomplete,
            "broken": self.broken,
        }


@dataclass
class Summary:
    """A run's totals and the same split by office, program and family type."""

    total: Tally = field(default_factory=Tally)
    by_office: dict[str, Tally] = field(default_factory=dict)
    by_program: dict[str, Tally] = field(default_factory=dict)
    by_family: dict[str, Tally] = field(default_factory=dict)

    def add(
        self, office: str, program: str, family: str, before: int | None, after: int | None, status: str
    ) -> None:
        """Count one row everywhere it belongs."""
        self.total.add(before, after, status)
        for groups, key in ((self.by_office, office), (self.by_program, program), (self.by_family, family)):
            groups.setdefault(key, Tally()).add(before, after, status)

    def add_group(self, office: str, program: str, family: str, totals: dict[str, Any]) -> None:
        """Add a group already summed by the database."""
        self.total.add_totals(totals)
        for groups, key in ((self.by_office, office), (self.by_program, program), (self.by_family, family)):
            groups.setdefault(key, Tally()).add_totals(totals)

    def as_dict(self) -> dict[str, Any]:
        """Nested plain numbers, groups sorted by name."""
        return {
            "total": self.total.as_dict(),
            "by_office": {k: v.as_dict() for k, v in sorted(self.by_office.items())},
            "by_program": {k: v.as_dict() for k, v in sorted(self.by_program.items())},
            "by_family_type": {k: v.as_dict() for k, v in sorted(self.by_family.items())},
        }


def month_start(on: dt.date) -> dt.date:
    """The first day of the month of ``on``."""
    return on.replace(day=1)


SUMMARY_COLUMNS = (
    "dimension",
    "group",
    "households",
    "monthly_before",
    "monthly_after",
    "monthly_change",
    "yearly_before",
    "yearly_after",
    "yearly_change",
    "gainers",
    "losers",
    "gained",
    "lost",
    "incomplete",
    "broken",
)


def summary_rows(summary: dict[str, Any]) -> list[dict[str, str | int]]:
    """A summary as flat rows (CSV): the total, then each office, program and family type.

    Amounts are dollars with two places, written from the integer cents (never through a float).
    """
    groups: list[tuple[str, str, dict[str, int]]] = [("total", "all", summary["total"])]
    for dimension in ("by_office", "by_program", "by_family_type"):
        groups += [(dimension.removeprefix("by_"), name, t) for name, t in summary[dimension].items()]
    out: list[dict[str, str | int]] = []
    for dimension, name, t in groups:
        out.append(
            {
                "dimension": dimension,
                "group": name,
                "households": t["households"],
                "monthly_before": format_cents(t["monthly_before_cents"]),
                "monthly_after": format_cents(t["monthly_after_cents"]),
                "monthly_change": format_cents(t["monthly_change_cents"]),
                "yearly_before": format_cents(t["yearly_before_cents"]),
                "yearly_after": format_cents(t["yearly_after_cents"]),
                "yearly_change": format_cents(t["yearly_change_cents"]),
                "gainers": t["gainers"],
                "losers": t["losers"],
                "gained": format_cents(t["gained_cents"]),
                "lost": format_cents(t["lost_cents"]),
                "incomplete": t["incomplete"],
                "broken": t["broken"],
            }
        )
    return out
