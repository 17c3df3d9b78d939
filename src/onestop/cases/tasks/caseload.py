"""Caseload use cases: who is each person's primary worker, an officer's caseload, and reassignment.

Assignments are dated and never deleted. Taking on an unassigned client oneself is ordinary case work;
moving anyone else's client, or giving a client to someone else, needs CASELOAD_REASSIGN (supervisors).
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError

from onestop import audit
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.tasks.models import CaseloadAssignment
from onestop.cases.tasks.repository import CaseloadRepository, TaskRepository, usernames
from onestop.cases.tasks.schemas import (
    AssignmentPublic,
    Caseload,
    CaseloadAssign,
    CaseloadEntry,
    CaseloadReassign,
    ReassignResult,
)
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.registry import Person, current_record_id, merged_record_ids

SUBJECT = "caseload"


def assign_primary_worker(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: CaseloadAssign
) -> AssignmentPublic:
    """Make an officer the person's primary worker, ending the current assignment (history is kept)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=person_id)
        pid = current_record_id(uow, person_id)
        repo = CaseloadRepository(uow.session)
        current = repo.current_for_person(pid)
        if current is not None and current.staff_id == data.staff_id:
            raise Conflict("this officer is already the person's primary worker")
        if data.staff_id != actor.staff_id or current is not None:
            require(uow, actor, Permission.CASELOAD_REASSIGN, subject_type="person", subject_id=pid)
        _check_worker(uow, data.staff_id, "staff_id")
        reason = clean_text(data.reason) or None
        if current is not None:
            _end(uow, actor, current, reason)
        row = _start(uow, actor, pid, data.staff_id, reason)
        return audit.audited_write(
            uow,
            lambda: _public(uow, row),
            actor=actor,
            action=AuditAction.CASELOAD_ASSIGN,
            subject_type="person",
            subject_id=pid,
            before={"staff_id": current.staff_id} if current is not None else None,
            after={"staff_id": data.staff_id},
            details={"reason": reason},
        )


def get_caseload(uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID | None = None) -> Caseload:
    """An officer's current caseload (default: mine), with each person's open task count."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=staff_id)
        staff_id = staff_id or actor.staff_id
        if staff_id is None:
            raise InvalidInput("staff_id", "give the officer whose caseload to show")
        rows = CaseloadRepository(uow.session).caseload_rows(staff_id)
        return audit.audited_read(
            uow,
            Caseload(staff_id=staff_id, people=[_entry(a, p, n) for a, p, n in rows]),
            actor=actor,
            action=AuditAction.CASELOAD_READ,
            subject_type=SUBJECT,
            subject_id=staff_id,
            details={"people": len(rows)},
        )


def worker_history(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[AssignmentPublic]:
    """Every primary worker the person has had, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = CaseloadRepository(uow.session).history_for_people(merged_record_ids(uow, person_id))
        return audit.audited_read(
            uow,
            public_many(uow, rows),
            actor=actor,
            action=AuditAction.CASELOAD_HISTORY,
            subject_type="person",
            subject_id=person_id,
        )


def reassign_caseload(uow: UnitOfWork, *, actor: Actor, data: CaseloadReassign) -> ReassignResult:
    """Move an officer's caseload (or the listed people) to another officer, with their open tasks."""
    with uow:
        require(uow, actor, Permission.CASELOAD_REASSIGN, subject_type=SUBJECT, subject_id=data.from_staff_id)
        if data.from_staff_id == data.to_staff_id:
            raise InvalidInput("to_staff_id", "must be a different officer")
        reason = required_text(data.reason, "reason")
        _check_worker(uow, data.to_staff_id, "to_staff_id")
        repo = CaseloadRepository(uow.session)
        moving = repo.current_for_staff(data.from_staff_id, data.person_ids)
        if data.person_ids is not None and len(moving) != len(set(data.person_ids)):
            raise InvalidInput("person_ids", "some of these people are not on this officer's caseload")
        people = [a.person_id for a in moving]
        for current in moving:
            _end(uow, actor, current, reason)
        for pid in people:
            _start(uow, actor, pid, data.to_staff_id, reason)
        tasks = TaskRepository(uow.session).open_of_assignee_for_people(data.from_staff_id, people)
        for task in tasks:
            task.assignee_id = data.to_staff_id
        uow.flush()
        result = ReassignResult(
            from_staff_id=data.from_staff_id,
            to_staff_id=data.to_staff_id,
            people_moved=people,
            tasks_moved=[t.id for t in tasks],
        )
        return audit.audited_write(
            uow,
            lambda: result,
            actor=actor,
            action=AuditAction.CASELOAD_REASSIGN,
            subject_type=SUBJECT,
            subject_id=data.from_staff_id,
            before={"staff_id": data.from_staff_id},
            after={"staff_id": data.to_staff_id},
            details={"reason": reason, "people": people, "tasks": result.tasks_moved},
        )


def _entry(a: CaseloadAssignment, p: Person, open_tasks: int) -> CaseloadEntry:
    return CaseloadEntry(
        assignment_id=a.id,
        person_id=p.id,
        given_names=p.given_names,
        family_name=p.family_name,
        birth_date=p.birth_date,
        started_on=a.started_on,
        open_tasks=open_tasks,
    )


def _check_worker(uow: UnitOfWork, staff_id: uuid.UUID, field: str) -> None:
    if find_active_staff(uow.session, staff_id) is None:
        raise InvalidInput(field, f"no active staff member with id {staff_id}")


def _end(uow: UnitOfWork, actor: Actor, row: CaseloadAssignment, reason: str | None) -> None:
    row.ended_on, row.ended_by = uow.clock.today(), actor.username
    if reason and not row.reason:
        row.reason = reason
    uow.flush()  # the old row must be ended before the unique "current" index sees the new one


def _start(
    uow: UnitOfWork, actor: Actor, person_id: uuid.UUID, staff_id: uuid.UUID, reason: str | None
) -> CaseloadAssignment:
    row = CaseloadAssignment(
        id=new_id(),
        person_id=person_id,
        staff_id=staff_id,
        started_on=uow.clock.today(),
        assigned_by=actor.username,
        reason=reason,
        created_at=uow.clock.now(),
    )
    uow.session.add(row)
    try:
        with uow.session.begin_nested():
            uow.session.flush()
    except IntegrityError:
        raise Conflict("someone else assigned this person at the same moment; reload and try again") from None
    return row


def public_many(uow: UnitOfWork, rows: list[CaseloadAssignment]) -> list[AssignmentPublic]:
    """Assignments with their worker's username."""
    names = usernames(uow.session, [r.staff_id for r in rows])
    return [
        AssignmentPublic.model_validate(r).model_copy(update={"worker_username": names.get(r.staff_id)})
        for r in rows
    ]


def _public(uow: UnitOfWork, row: CaseloadAssignment) -> AssignmentPublic:
    return public_many(uow, [row])[0]
