"""Leaving Income Support for work: the Foundation drug coverage continues the reference's 12 months."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import health
from onestop.bootstrap import Container
from onestop.cases import reviews
from onestop.cases.applications import FactIn
from onestop.cases.reviews import ChangeReport, ReviewConduct
from onestop.common.errors import InvalidInput
from onestop.health.domain import add_months
from onestop.health.schemas import CardIssue, CoverageFromDecision, RestrictionAdd
from tests.integration.cases.applications.builders import verified_document
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import make_person
from tests.integration.health.builders import BORN, nl_income_support_decision


def _closed_by_work(
    container: Container, team: Team, person: uuid.UUID, application_id: uuid.UUID
) -> uuid.UUID:
    """The client reports a full-time job; the review's decision ends Income Support."""
    officer = team.officer.actor
    pay = verified_document(container, officer, person, "income_proof")
    path = f"people[{person}].monthly_net_employment_income"
    review = reviews.report_change(
        container.uow(),
        actor=officer,
        data=ChangeReport(
            application_id=application_id,
            category="income",
            description="started full-time work",
            facts=[FactIn(path=path, value="3200.00", document_id=pay)],
        ),
    )
    out = reviews.conduct_review(container.uow(), actor=officer, review_id=review.id, data=ReviewConduct())
    assert out.decision.outcome == "ineligible"
    return out.decision.id


def test_leaving_for_work_continues_foundation_for_twelve_months(container: Container, team: Team) -> None:
    officer = team.officer.actor
    person = make_person(container, born=BORN)
    granted = nl_income_support_decision(container, officer, person)
    [cov] = health.apply_decision(
        container.uow(), actor=officer, data=CoverageFromDecision(decision_id=granted.id)
    ).started
    health.add_restriction(
        container.uow(),
        actor=officer,
        coverage_id=cov.id,
        data=RestrictionAdd(kind="single_pharmacy", value="Lawtons Water St", explained_to_client="told"),
    )
    container.clock.advance(dt.timedelta(days=40))
    closing = _closed_by_work(container, team, person, granted.application_id)

    change = health.apply_decision(
        container.uow(), actor=officer, data=CoverageFromDecision(decision_id=closing, left_for_work=True)
    )
    [ended], [after] = change.ended, change.started
    starts = ended.end_on + dt.timedelta(days=1)  # type: ignore[operator]
    assert (ended.id, ended.status) == (cov.id, "ended")
    assert "left for work" in (ended.end_reason or "")
    assert (after.plan, after.status, after.decision_id, after.renews_id) == (
        "foundation",
        "active",
        closing,
        cov.id,
    )
    assert after.start_on == starts and after.end_on == add_months(starts, 12) - dt.timedelta(days=1)
    assert [r["value"] for r in after.restrictions] == ["Lawtons Water St"]
    card = health.issue_card(
        container.uow(),
        actor=officer,
        data=CardIssue(person_id=person, valid_to=after.end_on, reason="working now"),  # type: ignore[arg-type]
    )
    assert card.coverage_id == after.id
    with pytest.raises(InvalidInput) as err:
        health.issue_card(
            container.uow(),
            actor=officer,
            data=CardIssue(person_id=person, valid_to=after.end_on + dt.timedelta(days=1), reason="r"),  # type: ignore[operator]
        )
    assert err.value.field == "valid_to"


def test_without_the_flag_the_closing_decision_ends_coverage_and_a_grant_cannot_carry_it(
    container: Container, team: Team
) -> None:
    officer = team.officer.actor
    person = make_person(container, born=BORN)
    granted = nl_income_support_decision(container, officer, person)
    with pytest.raises(InvalidInput) as err:  # a grant ends nothing
        health.apply_decision(
            container.uow(),
            actor=officer,
            data=CoverageFromDecision(decision_id=granted.id, left_for_work=True),
        )
    assert err.value.field == "left_for_work"
    health.apply_decision(container.uow(), actor=officer, data=CoverageFromDecision(decision_id=granted.id))
    container.clock.advance(dt.timedelta(days=40))
    closing = _closed_by_work(container, team, person, granted.application_id)
    change = health.apply_decision(
        container.uow(), actor=officer, data=CoverageFromDecision(decision_id=closing)
    )
    assert change.started == [] and len(change.ended) == 1
