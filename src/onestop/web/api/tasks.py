"""/api routes: tasks and caseloads."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.cases import tasks as t
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["tasks"])


@router.post("/tasks", status_code=status.HTTP_201_CREATED, response_model=t.TaskPublic)
def create(uow: UowDep, actor: CurrentActor, body: t.TaskCreate) -> t.TaskPublic:
    """Create a task (yours unless you give an assignee or office; others need task:assign)."""
    return t.create_task(uow, actor=actor, data=body)


@router.get("/tasks", response_model=t.TaskList)
def listing(
    uow: UowDep,
    actor: CurrentActor,
    view: str = "open",
    assignee_id: uuid.UUID | None = None,
    office_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
) -> t.TaskList:
    """A working list: `open`, `due_today`, `overdue` or `all`; yours unless you name whose."""
    return t.list_tasks(
        uow, actor=actor, view=view, assignee_id=assignee_id, office_id=office_id, person_id=person_id
    )


@router.get("/tasks/{task_id}", response_model=t.TaskPublic)
def read(uow: UowDep, actor: CurrentActor, task_id: uuid.UUID) -> t.TaskPublic:
    """One task."""
    return t.get_task(uow, actor=actor, task_id=task_id)


@router.post("/tasks/{task_id}/complete", response_model=t.TaskPublic)
def complete(uow: UowDep, actor: CurrentActor, task_id: uuid.UUID, body: t.TaskClose) -> t.TaskPublic:
    """Mark a task done (send the `version` you read)."""
    return t.complete_task(uow, actor=actor, task_id=task_id, data=body)


@router.post("/tasks/{task_id}/cancel", response_model=t.TaskPublic)
def cancel(uow: UowDep, actor: CurrentActor, task_id: uuid.UUID, body: t.TaskClose) -> t.TaskPublic:
    """Cancel a task; `note` (the reason) is required."""
    return t.cancel_task(uow, actor=actor, task_id=task_id, data=body)


@router.post("/tasks/{task_id}/reassign", response_model=t.TaskPublic)
def reassign(uow: UowDep, actor: CurrentActor, task_id: uuid.UUID, body: t.TaskReassign) -> t.TaskPublic:
    """Give an open task to another officer or team (supervisors)."""
    return t.reassign_task(uow, actor=actor, task_id=task_id, data=body)


@router.get("/caseload", response_model=t.Caseload)
def caseload(uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID | None = None) -> t.Caseload:
    """An officer's current caseload (yours by default) with open task counts."""
    return t.get_caseload(uow, actor=actor, staff_id=staff_id)


@router.post("/caseload/reassign", response_model=t.ReassignResult)
def reassign_caseload(uow: UowDep, actor: CurrentActor, body: t.CaseloadReassign) -> t.ReassignResult:
    """Move a caseload (or some people) to another officer with their open tasks (supervisors)."""
    return t.reassign_caseload(uow, actor=actor, data=body)


@router.post("/people/{person_id}/primary-worker", response_model=t.AssignmentPublic)
def assign(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: t.CaseloadAssign
) -> t.AssignmentPublic:
    """Make an officer the person's primary worker (the previous assignment is ended, kept)."""
    return t.assign_primary_worker(uow, actor=actor, person_id=person_id, data=body)


@router.get("/people/{person_id}/primary-worker/history", response_model=list[t.AssignmentPublic])
def workers(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[t.AssignmentPublic]:
    """Every primary worker the person has had, newest first."""
    return t.worker_history(uow, actor=actor, person_id=person_id)
