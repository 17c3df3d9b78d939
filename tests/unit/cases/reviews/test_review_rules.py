"""Review rules without a database: transitions, the schedule, results."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from onestop.cases.reviews import domain
from onestop.cases.reviews.domain import ReviewStatus as S
from onestop.cases.reviews.scheduling import default_schedule, parse_schedule
from onestop.common.errors import InvalidTransition

FINAL = {S.COMPLETED, S.CANCELLED}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_finished_reviews_stay_finished(current: S, target: S) -> None:
    allowed = (
        current not in FINAL
        and target not in (current, S.SCHEDULED)
        and not (current is S.IN_PROGRESS and target is S.DUE)
    )
    if allowed:
        domain.check_transition(current.value, target)
    else:
        with pytest.raises(InvalidTransition):
            domain.check_transition(current.value, target)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 3, 2), 12, dt.date(2027, 3, 2)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2027, 12, 31), 2, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
    ],
)
def test_add_months_keeps_the_day_or_the_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert domain.add_months(day, months) == expected


def test_the_schedule_is_configuration_per_program() -> None:
    schedule = default_schedule()
    assert schedule.next_review("ab.income_support", dt.date(2026, 3, 2)) == dt.date(2027, 3, 2)
    custom = parse_schedule({"default_months": 6, "programs": {"ab.aish": 24}, "task_lead_days": 7})
    assert custom.next_review("ab.other", dt.date(2026, 3, 2)) == dt.date(2026, 9, 2)
    assert custom.next_review("ab.aish", dt.date(2026, 3, 2)) == dt.date(2028, 3, 2)
    assert custom.task_date(dt.date(2026, 9, 2)) == dt.date(2026, 8, 26)


def test_a_review_result_is_read_from_the_decision_it_made() -> None:
    assert domain.RESULT_OF_ACTION["continue"] is domain.ReviewResult.CONTINUE
    assert domain.RESULT_OF_ACTION["close"] is domain.ReviewResult.CLOSE
    assert domain.RESULT_OF_ACTION["suspend"] is domain.ReviewResult.SUSPEND
