"""Assessments and outcome plans on both databases: versions, reviews, closing, locking and printing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import registry
from onestop.bootstrap import Container
from onestop.cases import plans
from onestop.cases.plans import (
    ActionStatusIn,
    AssessmentCreate,
    PlanClose,
    PlanCreate,
    PlanReviewIn,
    PlanRevise,
)
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound, PermissionDenied
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.integration.cases.conftest import Team, audit_actions

TODAY = dt.date(2026, 3, 2)


def _plan(container: Container, team: Team, person: uuid.UUID) -> plans.PlanPublic:
    data = PlanCreate.model_validate(
        {
            "person_id": person,
            "title": "Stable housing",
            "goals": [{"text": "Find an apartment"}],
            "actions": [
                {
                    "text": "Apply for rent supplement",
                    "owner": "officer",
                    "due_on": "2026-03-16",
                    "goal_id": "G1",
                },
                {"text": "Visit apartments", "owner": "client", "goal_id": "G1"},
            ],
        }
    )
    return plans.create_plan(container.uow(), actor=team.officer.actor, data=data)


def test_every_change_makes_a_new_version_and_old_ones_stay_viewable(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    first = _plan(container, team, person)
    assert (first.revision, first.current_revision, first.status, [g.id for g in first.goals]) == (
        1,
        1,
        "active",
        ["G1"],
    )
    officer = team.officer.actor
    revised = plans.revise_plan(
        container.uow(),
        actor=officer,
        plan_id=first.id,
        data=PlanRevise.model_validate(
            {
                "version": first.version,
                "goals": [{"id": "G1", "text": "Find an apartment"}, {"text": "Find work"}],
                "actions": [
                    {"id": "A1", "text": "Apply for rent supplement", "owner": "officer", "status": "done"}
                ],
                "note": "Added employment goal",
            }
        ),
    )
    assert (revised.revision, [g.id for g in revised.goals], [a.status for a in revised.actions]) == (
        2,
        ["G1", "G2"],
        ["done"],
    )
    reviewed = plans.add_plan_review(
        container.uow(),
        actor=officer,
        plan_id=first.id,
        data=PlanReviewIn(
            version=revised.version,
            review_on=TODAY,
            period_from=TODAY - dt.timedelta(days=14),
            period_to=TODAY,
            progress="some_progress",
            notes="Viewed two apartments.",
        ),
    )
    status = plans.set_plan_action_status(
        container.uow(),
        actor=officer,
        plan_id=first.id,
        action_id="A1",
        data=ActionStatusIn(version=reviewed.version, status="in_progress"),
    )
    assert status.revision == 4
    old = plans.get_plan(container.uow(), actor=team.colleague.actor, plan_id=first.id, revision=1)
    assert (old.revision, old.current_revision, [a.id for a in old.actions], old.reviews) == (
        1,
        4,
        ["A1", "A2"],
        [],
    )
    assert [h.change for h in old.history] == ["create", "revise", "review", "action_status"]
    assert old.history[1].note == "Added employment goal"
    with pytest.raises(NotFound):
        plans.get_plan(container.uow(), actor=officer, plan_id=first.id, revision=9)


def test_closing_twice_is_refused_and_a_closed_plan_does_not_change(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    plan = _plan(container, team, person)
    closed = plans.close_plan(
        container.uow(), actor=team.officer.actor, plan_id=plan.id, data=PlanClose(note="Housed in April")
    )
    assert (closed.status, closed.revision, closed.closing_note, closed.closed_by) == (
        "closed",
        2,
        "Housed in April",
        team.officer.actor.username,
    )
    with pytest.raises(InvalidTransition):
        plans.close_plan(container.uow(), actor=team.officer.actor, plan_id=plan.id, data=PlanClose())
    with pytest.raises(InvalidTransition):
        plans.set_plan_action_status(
            container.uow(),
            actor=team.officer.actor,
            plan_id=plan.id,
            action_id="A1",
            data=ActionStatusIn(status="done"),
        )
    assert [a for a, _ in audit_actions(container, plan.id)] == ["plan:create", "plan:close"]


def test_a_stale_version_is_a_conflict(container: Container, team: Team, person: uuid.UUID) -> None:
    plan = _plan(container, team, person)
    plans.set_plan_action_status(
        container.uow(),
        actor=team.officer.actor,
        plan_id=plan.id,
        action_id="A2",
        data=ActionStatusIn(version=plan.version, status="done"),
    )
    with pytest.raises(Conflict):
        plans.close_plan(
            container.uow(), actor=team.colleague.actor, plan_id=plan.id, data=PlanClose(version=plan.version)
        )
    assert plans.get_plan(container.uow(), actor=team.officer.actor, plan_id=plan.id).status == "active"


def test_bad_plans_are_refused_naming_the_field(container: Container, team: Team, person: uuid.UUID) -> None:
    data = PlanCreate.model_validate(
        {
            "person_id": person,
            "title": "t",
            "goals": [{"text": "g"}],
            "actions": [{"text": "a", "owner": "agency"}],
        }
    )
    with pytest.raises(InvalidInput) as err:
        plans.create_plan(container.uow(), actor=team.officer.actor, data=data)
    assert err.value.field == "actions.0.owner_name"
    with pytest.raises(PermissionDenied):
        plans.create_plan(container.uow(), actor=team.finance.actor, data=data)
    assert plans.list_plans(container.uow(), actor=team.officer.actor, person_id=person) == []


def test_a_plan_for_a_unit_and_its_printing(container: Container, team: Team, person: uuid.UUID) -> None:
    unit = registry.create_unit(
        container.uow(),
        actor=team.officer.actor,
        data=UnitCreate(members=[MemberIn(person_id=person, role="applicant", joined_on=TODAY)]),
    )
    data = PlanCreate(
        person_id=person,
        unit_id=unit.id,
        title="Famille Tremblay : logement",
        goals=[{"text": "Logement stable"}],
    )  # type: ignore[list-item]
    plan = plans.create_plan(container.uow(), actor=team.officer.actor, data=data)
    assert plan.unit_id == unit.id
    pdf = plans.print_plan(container.uow(), actor=team.officer.actor, plan_id=plan.id)
    assert (pdf.media_type, pdf.content[:5], pdf.filename) == (
        "application/pdf",
        b"%PDF-",
        f"outcome-plan-{plan.id.hex[:8]}-v1.pdf",
    )
    text = plans.print_plan(container.uow(), actor=team.officer.actor, plan_id=plan.id, fmt="text")
    assert "Famille Tremblay : logement" in text.content.decode()
    assert ("plan:print", "ok") in audit_actions(container, plan.id)
    with pytest.raises(InvalidInput) as err:
        plans.print_plan(container.uow(), actor=team.officer.actor, plan_id=plan.id, fmt="docx")
    assert err.value.field == "format"
    with pytest.raises(NotFound):
        plans.create_plan(
            container.uow(), actor=team.officer.actor, data=data.model_copy(update={"unit_id": uuid.uuid4()})
        )


def test_assessments_are_recorded_and_listed(container: Container, team: Team, person: uuid.UUID) -> None:
    data = AssessmentCreate(
        person_id=person,
        program_id="ab.income_support",
        level="2",
        criteria={"employable": True, "barriers": "transport", "dependants": 2},
        rationale="Can work with transport support.",
    )
    made = plans.record_assessment(container.uow(), actor=team.officer.actor, data=data)
    assert (made.level, made.criteria["dependants"], made.assessed_by) == (
        "2",
        2,
        team.officer.actor.username,
    )
    listed = plans.list_assessments(container.uow(), actor=team.colleague.actor, person_id=person)
    assert [a.id for a in listed] == [made.id]
    for change, field in [
        ({"program_id": "income"}, "program_id"),
        ({"rationale": " "}, "rationale"),
        ({"level": ""}, "level"),
    ]:
        with pytest.raises(InvalidInput) as err:
            plans.record_assessment(
                container.uow(), actor=team.officer.actor, data=data.model_copy(update=change)
            )
        assert err.value.field == field
