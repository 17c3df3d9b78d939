"""65Plus for landed-immigrant seniors: the officer approves alone when no known condition fails
(coverage starts), is refused when one does, and the reference's gap is named on every claim."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import health
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.health.schemas import CopayRequest, SeniorClaimCreate, SeniorClaimDecide
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person


def test_a_landed_immigrant_senior_is_approved_and_covered(container: Container, team: Team) -> None:
    officer = team.officer.actor
    senior = make_person(container, "Li", "Wei", dt.date(1955, 6, 1))
    claim = health.receive_senior_claim(
        container.uow(), actor=officer, data=SeniorClaimCreate(person_id=senior, landed_immigrant=True)
    )
    assert [c["met"] for c in claim.conditions] == [True, True, True]
    assert claim.conditions[0]["value"] == 70 and "NOT retrieved" in claim.gaps[0]
    decided = health.decide_senior_claim(
        container.uow(),
        actor=officer,
        claim_id=claim.id,
        data=SeniorClaimDecide(outcome="approved", reason="landed 2019, no OAS yet"),
    )
    assert decided.status == "approved" and decided.coverage_id is not None
    file = health.health_file(container.uow(), actor=officer, person_id=senior)
    assert [c.plan for c in file.current] == ["65plus"] and file.senior_claims[0].id == claim.id
    cp = health.cost_prescription(
        container.uow(),
        actor=officer,
        data=CopayRequest(
            person_id=senior,
            din="02242903",
            drug_name="Ramipril",
            quantity="30",
            unit_price="0.2500",
            dispensing_fee="11.99",
        ),
    )
    assert (cp.total, cp.copay) == ("19.49", "6.00")  # 7.50 + 11.99; the fee is capped at $6
    assert ("senior_claim:decide", "ok") in audit_actions(container, claim.id)
    with pytest.raises(InvalidTransition):
        health.decide_senior_claim(
            container.uow(),
            actor=officer,
            claim_id=claim.id,
            data=SeniorClaimDecide(outcome="denied", reason="x"),
        )


def test_approving_when_a_condition_fails_is_refused_but_denying_is_not(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    young = make_person(container, "Ana", "Silva", dt.date(1970, 1, 1))
    claim = health.receive_senior_claim(
        container.uow(), actor=officer, data=SeniorClaimCreate(person_id=young, landed_immigrant=True)
    )
    with pytest.raises(InvalidInput) as err:
        health.decide_senior_claim(
            container.uow(),
            actor=officer,
            claim_id=claim.id,
            data=SeniorClaimDecide(outcome="approved", reason="r"),
        )
    assert err.value.field == "outcome" and "age_65_or_over" in err.value.problem
    denied = health.decide_senior_claim(
        container.uow(),
        actor=officer,
        claim_id=claim.id,
        data=SeniorClaimDecide(outcome="denied", reason="under 65"),
    )
    assert denied.status == "denied" and denied.coverage_id is None
