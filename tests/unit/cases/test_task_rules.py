"""Task rules without a database: states, due dates, buckets and the optimistic-lock check."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.cases.tasks import domain
from onestop.cases.tasks.domain import Priority, TaskStatus
from onestop.common.enums import parse_enum
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.db import expect_version

TODAY = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


def test_only_open_tasks_change_state() -> None:
    for current in TaskStatus:
        for target in TaskStatus:
            if current is TaskStatus.OPEN and target is not TaskStatus.OPEN:
                domain.check_transition(current, target)
            else:
                with pytest.raises(InvalidTransition):
                    domain.check_transition(current, target)


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (TODAY - DAY, "open", "overdue"),
        (TODAY, "open", "due_today"),
        (TODAY + DAY, "open", "upcoming"),
        (TODAY - DAY, "done", "closed"),
        (TODAY, "cancelled", "closed"),
    ],
)
def test_buckets(due: dt.date, status: str, expected: str) -> None:
    assert domain.bucket(due, status, today=TODAY) == expected


def test_a_new_task_is_not_due_in_the_past() -> None:
    assert domain.check_due(TODAY, today=TODAY) == TODAY
    with pytest.raises(InvalidInput) as err:
        domain.check_due(TODAY - DAY, today=TODAY)
    assert err.value.field == "due_on"


def test_enums_name_the_field_and_list_the_choices() -> None:
    assert parse_enum(Priority, "urgent", field="priority") is Priority.URGENT
    with pytest.raises(InvalidInput) as err:
        parse_enum(Priority, "asap", field="priority")
    assert (err.value.field, err.value.problem) == ("priority", "must be one of: low, normal, high, urgent")


def test_a_stale_version_is_a_conflict_and_none_means_not_checked() -> None:
    expect_version(3, 3, what="task")
    expect_version(3, None, what="task")
    with pytest.raises(Conflict, match="version 3, not 2"):
        expect_version(3, 2, what="task")
