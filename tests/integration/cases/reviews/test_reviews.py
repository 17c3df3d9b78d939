"""Reviews on both databases: scheduling after a decision, the job that opens due reviews, conducting
them as new decisions, reported changes, suspension and reinstatement."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import money
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import applications, decisions, reviews, tasks
from onestop.cases.applications import FactIn
from onestop.cases.decisions import DecisionCreate
from onestop.cases.reviews import BenefitHold, ChangeReport, ReviewAction, ReviewConduct
from onestop.common.errors import InvalidInput, InvalidTransition
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    make_unit,
    verified_document,
)
from tests.integration.cases.conftest import Team, audit_actions

SCHEDULER = Actor.system("scheduler")


@pytest.fixture
def granted(container: Container, team: Team, person: uuid.UUID) -> decisions.DecisionPublic:
    """An eligible Income Support decision (824.00) made by the team's officer."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return out.decision


def _waiting(container: Container, team: Team, app: uuid.UUID) -> list[reviews.ReviewPublic]:
    found = reviews.list_reviews(container.uow(), actor=team.officer.actor, application_id=app)
    return [r for r in found if r.status in ("scheduled", "due")]


def test_an_eligible_decision_schedules_the_periodic_review(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    [review] = _waiting(container, team, granted.application_id)
    assert (review.kind, review.status, review.due_on) == ("periodic", "scheduled", dt.date(2027, 3, 2))
    assert reviews.open_due_reviews(container.uow(), actor=SCHEDULER) == []  # not due yet


def test_a_due_review_gives_the_officer_a_task_and_re_evaluates(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    container.clock.advance(dt.timedelta(days=365))
    [opened] = reviews.open_due_reviews(container.uow(), actor=SCHEDULER)
    assert reviews.open_due_reviews(container.uow(), actor=SCHEDULER) == []  # a second run finds nothing
    today = tasks.list_tasks(container.uow(), actor=team.officer.actor, view="due_today")
    [task] = [t for t in today.items if t.id == opened.task_id]
    assert (task.kind, task.assignee_id, task.source_id) == ("review_due", team.officer.id, opened.id)
    outcome = reviews.conduct_review(
        container.uow(), actor=team.officer.actor, review_id=opened.id, data=ReviewConduct()
    )
    assert (outcome.review.status, outcome.review.result) == ("completed", "continue")
    d = outcome.decision
    assert (d.basis, d.action, d.monthly_amount, d.supersedes_id, d.seq) == (
        "review",
        "continue",
        "824.00",
        granted.id,
        2,
    )
    assert d.effective_from == container.clock.today()
    assert tasks.get_task(container.uow(), actor=team.officer.actor, task_id=task.id).status == "done"
    [following] = _waiting(container, team, granted.application_id)
    assert following.due_on == dt.date(2028, 3, 2)  # 12 months after the review
    with pytest.raises(InvalidTransition):
        reviews.conduct_review(
            container.uow(), actor=team.officer.actor, review_id=opened.id, data=ReviewConduct()
        )
    [ent] = [
        e
        for e in money.list_entitlements(container.uow(), actor=team.officer.actor, unit_id=d.unit_id)
        if e.active
    ]
    assert ent.amount_cents == 82400  # a continued benefit keeps its entitlement


def test_a_reported_change_in_income_is_reassessed(
    container: Container, team: Team, person: uuid.UUID, granted: decisions.DecisionPublic
) -> None:
    officer = team.officer.actor
    container.clock.advance(dt.timedelta(days=40))
    pay = verified_document(container, officer, person, "income_proof")
    change = ChangeReport(
        application_id=granted.application_id,
        category="income",
        description="started part-time work",
        facts=[FactIn(path=f"people[{person}].monthly_net_employment_income", value="500", document_id=pay)],
    )
    review = reviews.report_change(container.uow(), actor=officer, data=change)
    assert (review.kind, review.status, review.category) == ("change", "in_progress", "income")
    app = applications.get_application(container.uow(), actor=officer, application_id=granted.application_id)
    assert app.status == "in_assessment"
    outcome = reviews.conduct_review(
        container.uow(), actor=officer, review_id=review.id, data=ReviewConduct()
    )
    assert (outcome.review.result, outcome.decision.action, outcome.decision.basis) == (
        "change",
        "change",
        "change",
    )
    assert outcome.decision.monthly_amount == "621.50"
    assert ("review:change_report", "ok") in audit_actions(container, review.id)


def test_an_address_change_is_reassessed_without_new_facts(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    change = ChangeReport(
        application_id=granted.application_id, category="address", description="moved to Calgary"
    )
    review = reviews.report_change(container.uow(), actor=team.officer.actor, data=change)
    outcome = reviews.conduct_review(
        container.uow(), actor=team.officer.actor, review_id=review.id, data=ReviewConduct()
    )
    assert outcome.decision.action == "continue"
    with pytest.raises(InvalidInput) as err:
        reviews.report_change(
            container.uow(),
            actor=team.officer.actor,
            data=ChangeReport(application_id=granted.application_id, category="weather", description="rain"),
        )
    assert err.value.field == "category"


def test_suspension_and_reinstatement_are_decisions_with_reasons(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    officer = team.officer.actor
    app = granted.application_id
    with pytest.raises(InvalidTransition):
        reviews.reinstate_benefit(
            container.uow(), actor=officer, data=BenefitHold(application_id=app, reason="x")
        )
    container.clock.advance(dt.timedelta(days=10))
    held = reviews.suspend_benefit(
        container.uow(),
        actor=officer,
        data=BenefitHold(application_id=app, reason="did not attend the review"),
    )
    assert (held.outcome, held.action, held.basis, held.note) == (
        "suspended",
        "suspend",
        "suspension",
        "did not attend the review",
    )
    assert held.alternatives  # an adverse decision lists other help
    assert _waiting(container, team, app) == []  # no periodic review while suspended
    ended = [
        e for e in money.list_entitlements(container.uow(), actor=officer, unit_id=held.unit_id) if e.active
    ]
    assert ended[0].end_date == held.effective_from - dt.timedelta(days=1)
    with pytest.raises(InvalidTransition):
        reviews.suspend_benefit(
            container.uow(), actor=officer, data=BenefitHold(application_id=app, reason="again")
        )
    container.clock.advance(dt.timedelta(days=5))
    back = reviews.reinstate_benefit(
        container.uow(),
        actor=officer,
        data=BenefitHold(application_id=app, reason="attended on the new date"),
    )
    assert (back.outcome, back.action, back.monthly_amount, back.supersedes_id) == (
        "eligible",
        "reinstate",
        "824.00",
        held.id,
    )
    active = [
        e
        for e in money.list_entitlements(container.uow(), actor=officer, unit_id=back.unit_id)
        if e.active and e.end_date is None
    ]
    assert [(e.amount_cents, e.start_date) for e in active] == [(82400, back.effective_from)]
    assert len(_waiting(container, team, app)) == 1
    assert ("decision:suspend", "ok") in audit_actions(container, held.id)


def test_a_review_can_suspend_and_be_cancelled_only_with_a_reason(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    [review] = _waiting(container, team, granted.application_id)
    with pytest.raises(InvalidInput) as err:
        reviews.conduct_review(
            container.uow(), actor=team.officer.actor, review_id=review.id, data=ReviewConduct(suspend=True)
        )
    assert err.value.field == "reason"
    with pytest.raises(InvalidInput):
        reviews.cancel_review(
            container.uow(), actor=team.officer.actor, review_id=review.id, data=ReviewAction()
        )
    outcome = reviews.conduct_review(
        container.uow(),
        actor=team.officer.actor,
        review_id=review.id,
        data=ReviewConduct(suspend=True, reason="client cannot be reached"),
    )
    assert (outcome.review.result, outcome.decision.outcome) == ("suspend", "suspended")
    with pytest.raises(InvalidTransition):
        reviews.cancel_review(
            container.uow(), actor=team.officer.actor, review_id=review.id, data=ReviewAction(reason="oops")
        )


def test_a_colleague_takes_a_change_on_another_officers_case(
    container: Container, team: Team, granted: decisions.DecisionPublic
) -> None:
    change = ChangeReport(application_id=granted.application_id, category="household", description="new baby")
    review = reviews.report_change(container.uow(), actor=team.colleague.actor, data=change)
    task = tasks.get_task(container.uow(), actor=team.colleague.actor, task_id=review.task_id)  # type: ignore[arg-type]
    assert task.assignee_id == team.colleague.id  # officers do not hand work to each other (no task:assign)
