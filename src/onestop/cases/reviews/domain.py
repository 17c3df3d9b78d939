"""Review rules. Pure: kinds, states and transitions, the schedule, and a review's result.

A periodic review is scheduled when an eligible decision is made and becomes due on its date (a
task appears in the officer's list). A reported change in circumstances is a review due at once.
Conducting a review re-evaluates eligibility on the current data and records a new decision; its
result (continue, change, suspend, close) is read from that decision's action.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass, field

from onestop.common.errors import InvalidTransition


class ReviewKind(enum.StrEnum):
    """Why a case is being looked at again."""

    PERIODIC = "periodic"
    CHANGE = "change"  # a reported change in circumstances
    INVESTIGATION = "investigation"  # a founded finding of an investigation


class ReviewStatus(enum.StrEnum):
    """Where a review stands; completed and cancelled are final."""

    SCHEDULED = "scheduled"
    DUE = "due"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ChangeCategory(enum.StrEnum):
    """What changed in the client's circumstances."""

    INCOME = "income"
    HOUSEHOLD = "household"
    ADDRESS = "address"
    ASSETS = "assets"
    OTHER = "other"


class ReviewResult(enum.StrEnum):
    """What the review decided."""

    CONTINUE = "continue"
    CHANGE = "change"
    SUSPEND = "suspend"
    CLOSE = "close"


_S = ReviewStatus
TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    _S.SCHEDULED: frozenset({_S.DUE, _S.IN_PROGRESS, _S.COMPLETED, _S.CANCELLED}),
    _S.DUE: frozenset({_S.IN_PROGRESS, _S.COMPLETED, _S.CANCELLED}),
    _S.IN_PROGRESS: frozenset({_S.COMPLETED, _S.CANCELLED}),
    _S.COMPLETED: frozenset(),
    _S.CANCELLED: frozenset(),
}
WAITING = (_S.SCHEDULED.value, _S.DUE.value)

#: A decision's action, read as a review's result.
RESULT_OF_ACTION = {
    "continue": ReviewResult.CONTINUE,
    "change": ReviewResult.CHANGE,
    "grant": ReviewResult.CHANGE,
    "reinstate": ReviewResult.CHANGE,
    "suspend": ReviewResult.SUSPEND,
    "close": ReviewResult.CLOSE,
    "refuse": ReviewResult.CLOSE,
}


def check_transition(current: str, target: ReviewStatus) -> None:
    """Refuse a move the review's state does not allow (conducting a completed review...)."""
    state = ReviewStatus(current)
    if target not in TRANSITIONS[state]:
        raise InvalidTransition(f"a review that is {state.value} cannot become {target.value}")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Schedule:
    """Review intervals by program (configuration)."""

    default_months: int = 12
    programs: dict[str, int] = field(default_factory=dict)
    change_due_days: int = 5
    task_lead_days: int = 0

    def next_review(self, program: str, decided_on: dt.date) -> dt.date:
        """When an eligible decision made on ``decided_on`` is next reviewed."""
        return add_months(decided_on, self.programs.get(program, self.default_months))

    def task_date(self, due_on: dt.date) -> dt.date:
        """The day the review's task should appear."""
        return due_on - dt.timedelta(days=self.task_lead_days)
