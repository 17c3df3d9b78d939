"""Task and caseload rules. Pure: kinds, priorities, states and their transitions, due-date buckets."""

from __future__ import annotations

import datetime as dt
import enum

from onestop.common.errors import InvalidInput, InvalidTransition


class TaskKind(enum.StrEnum):
    """What a task is for."""

    FOLLOW_UP = "follow_up"
    DOCUMENTS_DUE = "documents_due"
    REVIEW_DUE = "review_due"
    APPROVAL = "approval"
    CALLBACK = "callback"


class TaskStatus(enum.StrEnum):
    """A task is open until done or cancelled; both ends are final."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class Priority(enum.StrEnum):
    """How urgent a task is (lists sort by it after the due date)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TaskView(enum.StrEnum):
    """The lists an officer works from."""

    OPEN = "open"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    ALL = "all"


TRANSITIONS: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.OPEN: frozenset({TaskStatus.DONE, TaskStatus.CANCELLED}),
    TaskStatus.DONE: frozenset(),
    TaskStatus.CANCELLED: frozenset(),
}

PRIORITY_RANK = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}


def check_transition(current: str, target: TaskStatus) -> None:
    """Refuse a state change the task's state does not allow (e.g. completing a cancelled task)."""
    state = TaskStatus(current)
    if target not in TRANSITIONS[state]:
        raise InvalidTransition(f"a task that is {state.value} cannot become {target.value}")


def check_due(due_on: dt.date, *, today: dt.date, field: str = "due_on") -> dt.date:
    """A new or moved task cannot be due in the past (it would be overdue from birth)."""
    if due_on < today:
        raise InvalidInput(field, f"must not be in the past (today is {today.isoformat()})")
    return due_on


def bucket(due_on: dt.date, status: str, *, today: dt.date) -> str:
    """Where an open task stands: overdue, due today or upcoming; closed tasks are 'closed'."""
    if status != TaskStatus.OPEN:
        return "closed"
    if due_on < today:
        return "overdue"
    return "due_today" if due_on == today else "upcoming"
