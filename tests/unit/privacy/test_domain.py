"""Privacy rules without a database: deadlines and their one extension, life cycles, maker-checker,
redactions and when a closed file falls due."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.privacy import domain
from onestop.privacy.config import schedules
from onestop.privacy.domain import FileState, RequestKind, RequestRules, RequestStatus

RULES = RequestRules(answer_days=30, extension_days=30)
TODAY = dt.date(2026, 3, 2)


def test_the_configured_deadlines_cover_both_provinces() -> None:
    found = schedules()
    assert set(found.requests) == {"ca-ab", "ca-nl"}
    assert found.requests["ca-ab"].answer_days == 30 and found.closed_file_years == 7


def test_the_deadline_counts_from_receipt_and_is_extended_once() -> None:
    due = domain.due_on(dt.date(2026, 2, 20), RULES, today=TODAY)
    assert due == dt.date(2026, 3, 22)
    assert domain.extended(due, 30, RULES, already=False) == dt.date(2026, 4, 21)
    with pytest.raises(InvalidTransition):
        domain.extended(due, 5, RULES, already=True)
    with pytest.raises(InvalidInput) as err:
        domain.extended(due, 31, RULES, already=False)
    assert err.value.field == "days"
    with pytest.raises(InvalidInput) as future:
        domain.due_on(TODAY + dt.timedelta(days=1), RULES, today=TODAY)
    assert future.value.field == "received_on"


def test_an_unknown_jurisdiction_is_named() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.rules_for(schedules(), "ca-on")
    assert err.value.field == "jurisdiction" and "ca-ab" in err.value.problem


def test_life_cycles() -> None:
    domain.check_transition(RequestKind.ACCESS, "assembled", RequestStatus.APPROVED)
    with pytest.raises(InvalidTransition):
        domain.check_transition(RequestKind.ACCESS, "open", RequestStatus.RELEASED)
    with pytest.raises(InvalidTransition):
        domain.check_transition(RequestKind.CORRECTION, "refused", RequestStatus.CORRECTED)


def test_whoever_prepared_a_package_does_not_approve_it() -> None:
    domain.check_checker("privacy1", "supervisor1")
    with pytest.raises(PermissionDenied):
        domain.check_checker("supervisor1", "supervisor1")


def test_redactions_name_the_reason_and_leave_the_rest() -> None:
    package = {"person": {"family_name": "Tremblay"}, "documents": [{"f": "a"}, {"f": "b"}]}
    out = domain.redact(package, [("documents", 1, "other_person")])
    assert out["documents"] == [{"f": "a"}, {"withheld": "[withheld]", "reason": "other_person"}]
    assert package["documents"][1] == {"f": "b"}  # the stored package is not changed
    with pytest.raises(InvalidInput) as err:
        domain.check_redaction(package, "documents", 2)
    assert err.value.field == "index"
    with pytest.raises(InvalidInput):
        domain.check_redaction(package, "person", 0)


@pytest.mark.parametrize(
    ("open_work", "last", "held", "expected"),
    [
        (True, dt.date(2010, 1, 1), False, "open"),
        (False, dt.date(2020, 1, 1), False, "kept"),
        (False, dt.date(2019, 3, 2), False, "due"),
        (False, dt.date(2019, 3, 3), False, "kept"),
        (False, dt.date(2010, 1, 1), True, "held"),
    ],
)
def test_disposition(open_work: bool, last: dt.date, held: bool, expected: str) -> None:
    state = FileState(person_id="p", open_work=open_work, last_activity=last, on_hold=held)
    assert domain.disposition(state, schedules(), today=TODAY) == expected


def test_29_february_plus_years() -> None:
    assert domain.add_years(dt.date(2024, 2, 29), 7) == dt.date(2031, 2, 28)
