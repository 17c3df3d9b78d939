"""Task use cases: create, complete, cancel, reassign, read and the working lists.

Each function is one transaction with its audit event. Other sub-areas create their follow-up tasks
through ``create_task`` inside their own transaction (the unit of work is re-entrant).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.reading import read_one
from onestop.cases.tasks import domain
from onestop.cases.tasks.domain import Priority, TaskKind, TaskStatus, TaskView
from onestop.cases.tasks.models import Task
from onestop.cases.tasks.repository import TaskRepository, office_exists
from onestop.cases.tasks.schemas import TaskClose, TaskCreate, TaskList, TaskPublic, TaskReassign
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "task"


def create_task(uow: UnitOfWork, *, actor: Actor, data: TaskCreate) -> TaskPublic:
    """Create a task; giving it to someone else or another team needs TASK_ASSIGN."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
        today = uow.clock.today()
        assignee_id, office_id = _target(uow, actor, data.assignee_id, data.office_id, default_self=True)
        task = Task(
            id=new_id(),
            kind=parse_enum(TaskKind, data.kind, field="kind").value,
            title=required_text(data.title, "title", max_len=200),
            details=clean_text(data.details) or None,
            person_id=current_record_id(uow, data.person_id) if data.person_id else None,
            due_on=domain.check_due(data.due_on, today=today),
            priority=parse_enum(Priority, data.priority, field="priority").value,
            status=TaskStatus.OPEN.value,
            assignee_id=assignee_id,
            office_id=office_id,
            source_type=data.source_type,
            source_id=data.source_id,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        TaskRepository(uow.session).add(task)
        return _TASKS.saved(
            uow,
            actor,
            AuditAction.TASK_CREATE,
            task,
            after=snapshot(task),
            details=audit.fields(task, "source_type", "source_id"),
        )


def complete_task(uow: UnitOfWork, *, actor: Actor, task_id: uuid.UUID, data: TaskClose) -> TaskPublic:
    """Mark an open task done, with an optional note."""
    return _close(uow, actor, task_id, data, TaskStatus.DONE, clean_text(data.note) or None)


def cancel_task(uow: UnitOfWork, *, actor: Actor, task_id: uuid.UUID, data: TaskClose) -> TaskPublic:
    """Cancel an open task; the reason is required."""
    return _close(uow, actor, task_id, data, TaskStatus.CANCELLED, None)


def _close(
    uow: UnitOfWork, actor: Actor, task_id: uuid.UUID, data: TaskClose, target: TaskStatus, note: str | None
) -> TaskPublic:
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=task_id)
        if target is TaskStatus.CANCELLED:
            note = required_text(data.note, "note", max_len=4000)
        task = TaskRepository(uow.session).get(task_id)
        expect_version(task.version, data.version, what="task")
        domain.check_transition(task.status, target)
        before = snapshot(task)
        task.status, task.closed_at, task.closed_by = target.value, uow.clock.now(), actor.username
        task.close_note = note
        uow.flush()
        action = AuditAction.TASK_COMPLETE if target is TaskStatus.DONE else AuditAction.TASK_CANCEL
        _audit_change(uow, actor, action, task, before)
        uow.commit()
        return public(task, uow.clock.today())


def reassign_task(uow: UnitOfWork, *, actor: Actor, task_id: uuid.UUID, data: TaskReassign) -> TaskPublic:
    """Give an open task to another officer or team (TASK_ASSIGN)."""
    with uow:
        require(uow, actor, Permission.TASK_ASSIGN, subject_type=SUBJECT, subject_id=task_id)
        task = TaskRepository(uow.session).get(task_id)
        expect_version(task.version, data.version, what="task")
        if task.status != TaskStatus.OPEN:
            raise InvalidTransition(f"a task that is {task.status} cannot be reassigned")
        before = snapshot(task)
        task.assignee_id, task.office_id = _target(
            uow, actor, data.assignee_id, data.office_id, default_self=False
        )
        uow.flush()
        _audit_change(uow, actor, AuditAction.TASK_REASSIGN, task, before)
        uow.commit()
        return public(task, uow.clock.today())


def get_task(uow: UnitOfWork, *, actor: Actor, task_id: uuid.UUID) -> TaskPublic:
    """One task."""
    return read_one(uow, actor, _TASKS, AuditAction.TASK_READ, TaskRepository, task_id)


def list_tasks(
    uow: UnitOfWork,
    *,
    actor: Actor,
    view: str = "open",
    assignee_id: uuid.UUID | None = None,
    office_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
) -> TaskList:
    """A working list (open, due today, overdue, all) for an officer, a team or a person; default: mine."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        chosen = parse_enum(TaskView, view, field="view")
        if assignee_id is None and office_id is None and person_id is None:
            if actor.staff_id is None:
                raise InvalidInput("assignee_id", "give an assignee, an office or a person")
            assignee_id = actor.staff_id
        people = merged_record_ids(uow, person_id) if person_id is not None else None
        today = uow.clock.today()
        rows = TaskRepository(uow.session).listing(
            view=chosen, today=today, assignee_id=assignee_id, office_id=office_id, person_ids=people
        )
        filters = {"view": chosen.value, "assignee_id": assignee_id, "office_id": office_id}
        return audit.audited_read(
            uow,
            TaskList(view=chosen.value, today=today, items=[public(t, today) for t in rows]),
            actor=actor,
            action=AuditAction.TASK_LIST,
            subject_type="person" if person_id else SUBJECT,
            subject_id=person_id,
            details=filters | {"results": len(rows)},
        )


def _target(
    uow: UnitOfWork,
    actor: Actor,
    assignee_id: uuid.UUID | None,
    office_id: uuid.UUID | None,
    *,
    default_self: bool,
) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """Who gets the task: checked to exist; someone other than me or my team needs TASK_ASSIGN."""
    if assignee_id is None and office_id is None:
        if default_self and actor.staff_id is not None:
            return actor.staff_id, None
        if default_self and actor.office_id is not None:
            return None, actor.office_id
        raise InvalidInput("assignee_id", "give an assignee or an office")
    elsewhere = (assignee_id is not None and assignee_id != actor.staff_id) or (
        office_id is not None and office_id != actor.office_id
    )
    if elsewhere:
        require(uow, actor, Permission.TASK_ASSIGN, subject_type=SUBJECT)
    if assignee_id is not None and find_active_staff(uow.session, assignee_id) is None:
        raise InvalidInput("assignee_id", f"no active staff member with id {assignee_id}")
    if office_id is not None and not office_exists(uow.session, office_id):
        raise InvalidInput("office_id", f"no office with id {office_id}")
    return assignee_id, office_id


def snapshot(task: Task) -> dict[str, Any]:
    """The audit view of a task."""
    return audit.fields(
        task, "kind", "title", "person_id", "due_on", "priority", "status", "assignee_id", "office_id"
    )


def _audit_change(
    uow: UnitOfWork, actor: Actor, action: AuditAction, task: Task, before: dict[str, Any]
) -> None:
    after = snapshot(task)
    changed = [k for k in after if after[k] != before[k]]
    audit.record(
        uow,
        actor=actor,
        action=action,
        subject_type=SUBJECT,
        subject_id=task.id,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )


def public(task: Task, today: dt.date) -> TaskPublic:
    """The API view of a task, with its bucket as of ``today``."""
    view = TaskPublic.model_validate(task)
    return view.model_copy(update={"bucket": domain.bucket(task.due_on, task.status, today=today)})


def _public_today(uow: UnitOfWork, task: Task) -> TaskPublic:
    return public(task, uow.clock.today())


_TASKS = audit.Subject(SUBJECT, _public_today)
