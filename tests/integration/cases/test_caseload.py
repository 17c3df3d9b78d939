"""Caseloads on both databases: primary workers with dated history, and supervised reassignment."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import tasks
from onestop.cases.tasks import CaseloadAssign, CaseloadReassign, TaskCreate
from onestop.common.clock import FixedClock
from onestop.common.errors import Conflict, InvalidInput, PermissionDenied
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person

TODAY = dt.date(2026, 3, 2)


def _take(
    container: Container, worker_actor: Actor, person: uuid.UUID, staff_id: uuid.UUID
) -> tasks.AssignmentPublic:
    return tasks.assign_primary_worker(
        container.uow(),
        actor=worker_actor,
        person_id=person,
        data=CaseloadAssign(staff_id=staff_id),
    )


def test_an_officer_takes_an_unassigned_client(container: Container, team: Team, person: uuid.UUID) -> None:
    row = _take(container, team.officer.actor, person, team.officer.id)
    assert (row.staff_id, row.started_on, row.ended_on) == (team.officer.id, TODAY, None)
    assert row.worker_username == team.officer.staff.username
    caseload = tasks.get_caseload(container.uow(), actor=team.officer.actor)
    assert [p.person_id for p in caseload.people] == [person]
    assert ("caseload:assign", "ok") in audit_actions(container, person)


def test_taking_someone_elses_client_or_giving_one_away_needs_a_supervisor(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    _take(container, team.officer.actor, person, team.officer.id)
    with pytest.raises(PermissionDenied):
        _take(container, team.colleague.actor, person, team.colleague.id)
    other = make_person(container)
    with pytest.raises(PermissionDenied):
        _take(container, team.officer.actor, other, team.colleague.id)
    with pytest.raises(Conflict):
        _take(container, team.supervisor.actor, person, team.officer.id)  # already theirs


def test_history_keeps_every_worker(
    container: Container, team: Team, person: uuid.UUID, clock: FixedClock
) -> None:
    _take(container, team.officer.actor, person, team.officer.id)
    clock.advance(dt.timedelta(days=30))
    _take(container, team.supervisor.actor, person, team.colleague.id)
    history = tasks.worker_history(container.uow(), actor=team.officer.actor, person_id=person)
    assert [(h.staff_id, h.started_on, h.ended_on) for h in history] == [
        (team.colleague.id, TODAY + dt.timedelta(days=30), None),
        (team.officer.id, TODAY, TODAY + dt.timedelta(days=30)),
    ]
    assert tasks.get_caseload(container.uow(), actor=team.officer.actor).people == []


def test_reassigning_a_caseload_moves_people_and_their_open_tasks(container: Container, team: Team) -> None:
    people = [make_person(container) for _ in range(3)]
    for pid in people:
        _take(container, team.officer.actor, pid, team.officer.id)
    officer = team.officer.actor
    open_task = tasks.create_task(
        container.uow(), actor=officer, data=TaskCreate(title="call", due_on=TODAY, person_id=people[0])
    )
    done_task = tasks.create_task(
        container.uow(), actor=officer, data=TaskCreate(title="done", due_on=TODAY, person_id=people[1])
    )
    tasks.complete_task(container.uow(), actor=officer, task_id=done_task.id, data=tasks.TaskClose())
    unrelated = tasks.create_task(
        container.uow(), actor=officer, data=TaskCreate(title="training", due_on=TODAY)
    )
    data = CaseloadReassign(
        from_staff_id=team.officer.id, to_staff_id=team.colleague.id, reason="officer on leave"
    )
    with pytest.raises(PermissionDenied):
        tasks.reassign_caseload(container.uow(), actor=officer, data=data)
    result = tasks.reassign_caseload(container.uow(), actor=team.supervisor.actor, data=data)
    assert sorted(result.people_moved) == sorted(people)
    assert result.tasks_moved == [open_task.id]
    assert sorted(
        p.person_id
        for p in tasks.get_caseload(container.uow(), actor=officer, staff_id=team.colleague.id).people
    ) == sorted(people)
    assert tasks.get_caseload(container.uow(), actor=officer).people == []
    assert (
        tasks.get_task(container.uow(), actor=officer, task_id=open_task.id).assignee_id == team.colleague.id
    )
    assert tasks.get_task(container.uow(), actor=officer, task_id=done_task.id).assignee_id == team.officer.id
    assert tasks.get_task(container.uow(), actor=officer, task_id=unrelated.id).assignee_id == team.officer.id
    assert ("caseload:reassign", "ok") in audit_actions(container, team.officer.id)


def test_partial_reassignment_and_its_refusals(container: Container, team: Team) -> None:
    kept, moved = make_person(container), make_person(container)
    for pid in (kept, moved):
        _take(container, team.officer.actor, pid, team.officer.id)
    sup = team.supervisor.actor
    with pytest.raises(InvalidInput) as err:
        tasks.reassign_caseload(
            container.uow(),
            actor=sup,
            data=CaseloadReassign(
                from_staff_id=team.officer.id,
                to_staff_id=team.colleague.id,
                reason="x",
                person_ids=[moved, make_person(container)],
            ),
        )
    assert err.value.field == "person_ids"
    with pytest.raises(InvalidInput) as err:
        tasks.reassign_caseload(
            container.uow(),
            actor=sup,
            data=CaseloadReassign(from_staff_id=team.officer.id, to_staff_id=team.officer.id, reason="x"),
        )
    assert err.value.field == "to_staff_id"
    result = tasks.reassign_caseload(
        container.uow(),
        actor=sup,
        data=CaseloadReassign(
            from_staff_id=team.officer.id, to_staff_id=team.colleague.id, reason="balance", person_ids=[moved]
        ),
    )
    assert result.people_moved == [moved]
    assert [
        p.person_id for p in tasks.get_caseload(container.uow(), actor=sup, staff_id=team.officer.id).people
    ] == [kept]
