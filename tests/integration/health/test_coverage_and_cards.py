"""Coverage lifecycle (renew, end, restrictions, a refusal ending it) and cards with a value in the ledger."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import health, money
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.health.schemas import (
    CardCancel,
    CardIssue,
    CoverageEnd,
    CoverageFromDecision,
    CoverageRenew,
    McpRecord,
    RestrictionAdd,
    RestrictionRemove,
)
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import make_person
from tests.integration.health.builders import BORN, nl_income_support_decision
from tests.integration.health.conftest import vendor


@pytest.fixture
def covered(container: Container, team: Team) -> tuple[uuid.UUID, health.schemas.CoveragePublic]:
    person = make_person(container, born=BORN)
    decision = nl_income_support_decision(container, team.officer.actor, person)
    change = health.apply_decision(
        container.uow(), actor=team.officer.actor, data=CoverageFromDecision(decision_id=decision.id)
    )
    return person, change.started[0]


def test_the_same_decision_cannot_start_coverage_twice(
    container: Container, team: Team, covered: tuple
) -> None:
    _, cov = covered
    with pytest.raises(InvalidTransition):
        health.apply_decision(
            container.uow(), actor=team.officer.actor, data=CoverageFromDecision(decision_id=cov.decision_id)
        )


def test_restrictions_show_on_the_card_and_stay_when_lifted(
    container: Container, team: Team, covered: tuple
) -> None:
    person, cov = covered
    officer = team.officer.actor
    cov = health.add_restriction(
        container.uow(),
        actor=officer,
        coverage_id=cov.id,
        data=RestrictionAdd(
            kind="single_pharmacy", value="Lawtons Water St", explained_to_client="one pharmacy only"
        ),
    )
    card = health.issue_card(
        container.uow(),
        actor=officer,
        data=CardIssue(person_id=person, valid_to=container.clock.today() + dt.timedelta(days=7), reason="r"),
    )
    assert "dispense only at Lawtons Water St" in card.pharmacy_message
    rid = cov.restrictions[0]["id"]
    cov = health.remove_restriction(
        container.uow(),
        actor=officer,
        coverage_id=cov.id,
        data=RestrictionRemove(restriction_id=rid, reason="ok"),
    )
    assert cov.restrictions[0]["removed_reason"] == "ok"
    with pytest.raises(InvalidInput) as err:
        health.add_restriction(
            container.uow(),
            actor=officer,
            coverage_id=cov.id,
            data=RestrictionAdd(kind="colour", value="x", explained_to_client="y"),
        )
    assert err.value.field == "kind"


def test_renewal_and_end_keep_the_history(container: Container, team: Team, covered: tuple) -> None:
    person, cov = covered
    officer = team.officer.actor
    start = cov.start_on + dt.timedelta(days=40)
    new = health.renew_coverage(
        container.uow(),
        actor=officer,
        coverage_id=cov.id,
        data=CoverageRenew(start_on=start, reason="review"),
    )
    assert (new.renews_id, new.start_on, new.status) == (cov.id, start, "active")
    ended = health.end_coverage(
        container.uow(),
        actor=officer,
        coverage_id=new.id,
        data=CoverageEnd(end_on=start + dt.timedelta(days=1), reason="moved to Ontario"),
    )
    assert ended.status == "ended"
    file = health.health_file(container.uow(), actor=officer, person_id=person)
    assert [p.id for p in file.current] == [cov.id, new.id]  # both run until their end dates
    container.clock.advance(start + dt.timedelta(days=2) - container.clock.today())
    file = health.health_file(container.uow(), actor=officer, person_id=person)
    assert file.current == [] and {p.id for p in file.past} == {cov.id, new.id}
    with pytest.raises(InvalidTransition):
        health.end_coverage(
            container.uow(), actor=officer, coverage_id=new.id, data=CoverageEnd(end_on=start, reason="again")
        )


def test_a_card_with_a_value_is_a_drug_card_issuance_and_cancelling_it_cancels_the_issuance(
    container: Container, team: Team, covered: tuple
) -> None:
    person, _ = covered
    officer = team.officer.actor
    pharmacy = vendor(container, team, "Lawtons Water St")
    data = {"person_id": person, "valid_to": container.clock.today() + dt.timedelta(days=7), "reason": "r"}
    card = health.issue_card(
        container.uow(), actor=officer, data=CardIssue(**data, value="120.00", payee_id=pharmacy.id)
    )
    assert card.value == "120.00" and card.issuance_id is not None
    issuance = money.get_issuance(container.uow(), actor=officer, issuance_id=card.issuance_id)
    assert (issuance.payment_type, issuance.method, issuance.gross_cents, issuance.state) == (
        "drug_card",
        "voucher",
        12000,
        "paid",
    )  # a voucher is released to the pharmacy at once
    card = health.cancel_card(
        container.uow(), actor=officer, card_id=card.id, data=CardCancel(reason="not needed")
    )
    assert "already paid in the ledger" in (card.cancel_reason or "")
    big = health.issue_card(
        container.uow(), actor=officer, data=CardIssue(**data, value="650.00", payee_id=pharmacy.id)
    )
    pending = money.get_issuance(container.uow(), actor=officer, issuance_id=big.issuance_id)
    assert pending.state == "pending_approval"  # beyond the officer's $500 drug_card authority
    health.cancel_card(container.uow(), actor=officer, card_id=big.id, data=CardCancel(reason="not needed"))
    assert (
        money.get_issuance(container.uow(), actor=officer, issuance_id=big.issuance_id).state == "cancelled"
    )
    with pytest.raises(InvalidInput) as err:
        health.issue_card(container.uow(), actor=officer, data=CardIssue(**data, value="10.00"))
    assert err.value.field == "payee_id"


def test_mcp_needs_a_valid_nl_number_and_a_claim_needs_registration(container: Container, team: Team) -> None:
    person = make_person(container)
    with pytest.raises(InvalidInput) as err:
        health.record_mcp(
            container.uow(),
            actor=team.officer.actor,
            data=McpRecord(person_id=person, status="registered", number="123"),
        )
    assert err.value.field == "number.number"
    applied = health.record_mcp(
        container.uow(), actor=team.officer.actor, data=McpRecord(person_id=person, status="applied")
    )
    assert applied.masked is None and applied.status == "applied"


def test_a_renewal_starting_later_leaves_the_old_period_covering_until_the_day_before(
    container: Container, team: Team, covered: tuple
) -> None:
    person, cov = covered
    officer = team.officer.actor
    today = container.clock.today()
    start = today + dt.timedelta(days=20)
    new = health.renew_coverage(
        container.uow(),
        actor=officer,
        coverage_id=cov.id,
        data=CoverageRenew(start_on=start, reason="review"),
    )
    card = health.issue_card(
        container.uow(),
        actor=officer,
        data=CardIssue(person_id=person, valid_to=today + dt.timedelta(days=5), reason="lost card"),
    )
    assert card.coverage_id == cov.id
    file = health.health_file(container.uow(), actor=officer, person_id=person)
    assert [(p.id, p.end_on) for p in file.current] == [
        (cov.id, start - dt.timedelta(days=1)),
        (new.id, None),
    ]
    last = health.issue_card(
        container.uow(),
        actor=officer,
        data=CardIssue(
            person_id=person,
            valid_from=start - dt.timedelta(days=1),
            valid_to=start - dt.timedelta(days=1),
            reason="r",
        ),
    )
    assert last.coverage_id == cov.id
