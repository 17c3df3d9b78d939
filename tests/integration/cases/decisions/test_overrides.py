"""Overrides on both databases: always with a reason, maker-checker approval where policy requires it,
and visible forever on the decision."""

from __future__ import annotations

import uuid

import pytest

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import decisions, tasks
from onestop.cases.decisions import DecisionCreate, OverrideIn, OverrideReview
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_worker


@pytest.fixture
def refused_case(container: Container, team: Team, person: uuid.UUID) -> uuid.UUID:
    """An application whose verified facts make it ineligible (too much income)."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app, income="3000.00")
    assess(container, team.officer.actor, app)
    return app


def _override(container: Container, actor: object, app: uuid.UUID, **kw: object) -> decisions.DecisionOutcome:
    data = DecisionCreate(application_id=app, override=OverrideIn(**kw))  # type: ignore[arg-type]
    return decisions.decide_application(container.uow(), actor=actor, data=data)  # type: ignore[arg-type]


def test_overriding_to_eligible_waits_for_another_supervisor(
    container: Container, team: Team, refused_case: uuid.UUID
) -> None:
    out = _override(
        container,
        team.officer.actor,
        refused_case,
        outcome="eligible",
        monthly_amount="300.00",
        reason="income ends this month (layoff notice seen)",
    )
    assert out.decision is None and out.pending_override is not None
    pending = out.pending_override
    assert (pending.status, pending.outcome, pending.monthly_amount, pending.computed_status) == (
        "pending",
        "eligible",
        "300.00",
        "ineligible",
    )
    assert (
        decisions.list_decisions(container.uow(), actor=team.officer.actor, application_id=refused_case) == []
    )
    queue = decisions.list_override_requests(
        container.uow(), actor=team.supervisor.actor, office_id=team.office.id
    )
    assert [r.id for r in queue] == [pending.id]
    task = tasks.get_task(container.uow(), actor=team.supervisor.actor, task_id=pending.task_id)  # type: ignore[arg-type]
    assert (task.kind, task.office_id, task.priority) == ("approval", team.office.id, "high")
    with pytest.raises(InvalidTransition):  # nothing else is decided while it waits
        decisions.decide_application(
            container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=refused_case)
        )
    decision = decisions.approve_override(
        container.uow(),
        actor=team.supervisor.actor,
        request_id=pending.id,
        data=OverrideReview(reason="agreed"),
    )
    assert (decision.outcome, decision.monthly_amount, decision.overridden) == ("eligible", "300.00", True)
    assert (decision.computed_status, decision.computed_monthly_amount) == ("ineligible", "0.00")
    assert decision.override_reason == "income ends this month (layoff notice seen)"
    assert (decision.decided_by, decision.approved_by) == (
        team.officer.actor.username,
        team.supervisor.actor.username,
    )
    assert "Officer's override" in decision.text_en and "Dérogation" in decision.text_fr
    assert decision.entitlement_id is not None
    done = tasks.get_task(container.uow(), actor=team.supervisor.actor, task_id=pending.task_id)  # type: ignore[arg-type]
    assert done.status == "done"
    assert ("decision:override_approve", "ok") in audit_actions(container, pending.id)
    with pytest.raises(InvalidTransition):
        decisions.approve_override(
            container.uow(), actor=team.supervisor.actor, request_id=pending.id, data=OverrideReview()
        )


def test_the_maker_cannot_be_the_checker(container: Container, team: Team, refused_case: uuid.UUID) -> None:
    boss = team.supervisor.actor
    out = _override(
        container, boss, refused_case, outcome="eligible", monthly_amount="100.00", reason="exceptional"
    )
    assert out.pending_override is not None  # a supervisor's own override also needs a checker
    with pytest.raises(PermissionDenied):
        decisions.approve_override(
            container.uow(),
            actor=team.supervisor.actor,
            request_id=out.pending_override.id,
            data=OverrideReview(),
        )
    with pytest.raises(PermissionDenied):  # officers do not approve at all
        decisions.approve_override(
            container.uow(),
            actor=team.officer.actor,
            request_id=out.pending_override.id,
            data=OverrideReview(),
        )
    other = make_worker(container, Role.SUPERVISOR, office=team.office)
    approved = decisions.approve_override(
        container.uow(), actor=other.actor, request_id=out.pending_override.id, data=OverrideReview()
    )
    assert approved.approved_by == other.actor.username


def test_a_refused_override_leaves_the_application_to_be_decided(
    container: Container, team: Team, refused_case: uuid.UUID
) -> None:
    out = _override(
        container,
        team.officer.actor,
        refused_case,
        outcome="eligible",
        monthly_amount="100.00",
        reason="please",
    )
    assert out.pending_override is not None
    with pytest.raises(InvalidInput) as err:
        decisions.refuse_override(
            container.uow(),
            actor=team.supervisor.actor,
            request_id=out.pending_override.id,
            data=OverrideReview(),
        )
    assert err.value.field == "reason"
    refused = decisions.refuse_override(
        container.uow(),
        actor=team.supervisor.actor,
        request_id=out.pending_override.id,
        data=OverrideReview(reason="no evidence the income ends"),
    )
    assert (refused.status, refused.refusal_reason) == ("refused", "no evidence the income ends")
    plain = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=refused_case)
    )
    assert plain.decision is not None and plain.decision.outcome == "ineligible"


def test_lowering_the_amount_needs_a_reason_but_no_approval(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    with pytest.raises(InvalidInput) as err:
        _override(container, team.officer.actor, app, outcome="eligible", monthly_amount="700.00", reason=" ")
    assert err.value.field == "override.reason"
    with pytest.raises(InvalidInput, match="changes nothing"):
        _override(
            container, team.officer.actor, app, outcome="eligible", monthly_amount="824.00", reason="same"
        )
    out = _override(
        container,
        team.officer.actor,
        app,
        outcome="eligible",
        monthly_amount="700.00",
        reason="room and board provided by a relative",
    )
    assert out.decision is not None
    d = out.decision
    assert (d.monthly_amount, d.computed_monthly_amount, d.overridden) == ("700.00", "824.00", True)
    assert (d.approval_required, d.approved_by) == (False, None)
