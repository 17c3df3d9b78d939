"""Appeal rules without a database: states, the deadline, outcomes."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from onestop.cases.appeals import domain
from onestop.cases.appeals.domain import AppealOutcome
from onestop.cases.appeals.domain import AppealStatus as S
from onestop.common.errors import InvalidInput, InvalidTransition

ALLOWED = {
    (S.FILED, S.HEARING_SCHEDULED),
    (S.FILED, S.WITHDRAWN),
    (S.HEARING_SCHEDULED, S.HEARING_SCHEDULED),
    (S.HEARING_SCHEDULED, S.DECIDED),
    (S.HEARING_SCHEDULED, S.WITHDRAWN),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_an_appeal_is_heard_before_it_is_decided_and_decided_once(current: S, target: S) -> None:
    if (current, target) in ALLOWED:
        domain.check_transition(current.value, target)
    else:
        with pytest.raises(InvalidTransition):
            domain.check_transition(current.value, target)


def test_late_filing_needs_a_reason() -> None:
    deadline = dt.date(2026, 4, 1)
    assert domain.lateness(dt.date(2026, 4, 1), deadline, None) is False
    assert domain.lateness(dt.date(2026, 4, 3), deadline, "in hospital") is True
    with pytest.raises(InvalidInput, match="2 day") as err:
        domain.lateness(dt.date(2026, 4, 3), deadline, None)
    assert err.value.field == "late_reason"
    assert domain.lateness(dt.date(2030, 1, 1), None, None) is False


def test_outcomes_and_the_decision_that_follows() -> None:
    assert domain.resulting_outcome(AppealOutcome.UPHELD, "ineligible", None) is None
    assert domain.resulting_outcome(AppealOutcome.OVERTURNED, "ineligible", None) == "eligible"
    assert domain.resulting_outcome(AppealOutcome.OVERTURNED, "eligible", None) == "ineligible"
    assert domain.resulting_outcome(AppealOutcome.OVERTURNED, "suspended", None) == "eligible"
    assert domain.resulting_outcome(AppealOutcome.VARIED, "eligible", "eligible") == "eligible"
    with pytest.raises(InvalidInput):
        domain.resulting_outcome(AppealOutcome.VARIED, "eligible", None)
    with pytest.raises(InvalidInput):
        domain.resulting_outcome(AppealOutcome.UPHELD, "eligible", "ineligible")
