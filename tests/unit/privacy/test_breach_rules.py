"""The breach rules: the risk of harm from the commissioners' factors, when people must be told, and
the breach's life cycle."""

from __future__ import annotations

import pytest

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.privacy.domain import (
    BreachFactors,
    BreachStatus,
    Containment,
    Level,
    check_breach_transition,
    must_notify,
    risk_of_harm,
)

L, C = Level, Containment


@pytest.mark.parametrize(
    ("sensitivity", "people", "likelihood", "containment", "risk"),
    [
        (L.LOW, 1, L.LOW, C.CONTAINED, L.LOW),  # a name on a letter returned unopened
        (L.MEDIUM, 1, L.LOW, C.CONTAINED, L.LOW),
        (L.MEDIUM, 1, L.MEDIUM, C.CONTAINED, L.MEDIUM),
        (L.LOW, 1, L.LOW, C.NOT_CONTAINED, L.MEDIUM),  # not back under control
        (L.LOW, 500, L.LOW, C.CONTAINED, L.MEDIUM),  # many people
        (L.HIGH, 1, L.MEDIUM, C.CONTAINED, L.HIGH),  # health or income information likely misused
        (L.HIGH, 1, L.LOW, C.CONTAINED, L.MEDIUM),  # sensitive but unlikely to be misused
        (L.MEDIUM, 50, L.MEDIUM, C.NOT_CONTAINED, L.HIGH),  # the factors add up
    ],
)
def test_the_risk_of_harm_follows_from_the_factors(
    sensitivity: Level, people: int, likelihood: Level, containment: Containment, risk: Level
) -> None:
    assert risk_of_harm(BreachFactors(sensitivity, people, likelihood, containment)) is risk


def test_nobody_affected_is_not_a_breach_to_assess() -> None:
    with pytest.raises(InvalidInput) as err:
        risk_of_harm(BreachFactors(L.LOW, 0, L.LOW, C.CONTAINED))
    assert err.value.field == "people_affected"


def test_only_a_real_risk_of_significant_harm_must_be_notified() -> None:
    assert not must_notify(L.LOW) and must_notify(L.MEDIUM) and must_notify(L.HIGH)


def test_the_life_cycle_notifies_before_closing_when_the_risk_calls_for_it() -> None:
    check_breach_transition("reported", BreachStatus.ASSESSED, risk=None)
    check_breach_transition("assessed", BreachStatus.ASSESSED, risk="high")  # assessed again
    check_breach_transition("assessed", BreachStatus.CLOSED, risk="low")  # low risk: closed as is
    check_breach_transition("assessed", BreachStatus.NOTIFIED, risk="medium")
    check_breach_transition("notified", BreachStatus.CLOSED, risk="medium")
    with pytest.raises(InvalidTransition, match="notify"):
        check_breach_transition("assessed", BreachStatus.CLOSED, risk="medium")
    with pytest.raises(InvalidTransition):
        check_breach_transition("reported", BreachStatus.NOTIFIED, risk=None)  # assess first
    with pytest.raises(InvalidTransition):
        check_breach_transition("closed", BreachStatus.ASSESSED, risk="low")  # never reopened
    with pytest.raises(InvalidTransition):
        check_breach_transition("notified", BreachStatus.ASSESSED, risk="high")  # the letters went
