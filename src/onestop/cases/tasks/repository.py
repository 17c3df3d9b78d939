"""Queries for tasks and caseloads (the only SQL of this sub-area)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from onestop.access import Office, Staff
from onestop.cases.tasks.domain import TaskStatus, TaskView
from onestop.cases.tasks.errors import TaskNotFound
from onestop.cases.tasks.models import CaseloadAssignment, Task
from onestop.db import Repository
from onestop.registry import Person

_PRIORITY_ORDER = case({"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=Task.priority, else_=4)


class TaskRepository(Repository[Task]):
    """Tasks by id, by assignee, by team and by person."""

    def get(self, task_id: uuid.UUID) -> Task:
        """The task; raises TaskNotFound."""
        return self.fetch(Task, task_id, TaskNotFound, "task")

    def listing(
        self,
        *,
        view: TaskView,
        today: dt.date,
        assignee_id: uuid.UUID | None = None,
        office_id: uuid.UUID | None = None,
        person_ids: Sequence[uuid.UUID] | None = None,
        limit: int = 200,
    ) -> list[Task]:
        """Tasks for an officer, a team or people, in working order: due date, then priority."""
        stmt = select(Task)
        if assignee_id is not None:
            stmt = stmt.where(Task.assignee_id == assignee_id)
        if office_id is not None:
            stmt = stmt.where(Task.office_id == office_id)
        if person_ids is not None:
            stmt = stmt.where(Task.person_id.in_(person_ids))
        stmt = _in_view(stmt, view, today)
        stmt = stmt.order_by(Task.due_on, _PRIORITY_ORDER, Task.created_at, Task.id).limit(limit)
        return list(self.session.scalars(stmt))

    def open_of_assignee_for_people(
        self, assignee_id: uuid.UUID, person_ids: Sequence[uuid.UUID]
    ) -> list[Task]:
        """An officer's open tasks about these people (what moves with a caseload)."""
        if not person_ids:
            return []
        stmt = select(Task).where(
            Task.assignee_id == assignee_id,
            Task.status == TaskStatus.OPEN,
            Task.person_id.in_(person_ids),
        )
        return list(self.session.scalars(stmt.order_by(Task.due_on, Task.id)))


def _in_view(stmt: Select[Task], view: TaskView, today: dt.date) -> Select[Task]:
    if view is TaskView.ALL:
        return stmt
    stmt = stmt.where(Task.status == TaskStatus.OPEN)
    if view is TaskView.DUE_TODAY:
        return stmt.where(Task.due_on == today)
    if view is TaskView.OVERDUE:
        return stmt.where(Task.due_on < today)
    return stmt


class CaseloadRepository(Repository[object]):
    """Primary-worker assignments, current and past."""

    def current_for_person(self, person_id: uuid.UUID) -> CaseloadAssignment | None:
        """The person's current assignment, if any."""
        stmt = select(CaseloadAssignment).where(
            CaseloadAssignment.person_id == person_id, CaseloadAssignment.ended_on.is_(None)
        )
        return self.session.scalars(stmt).one_or_none()

    def current_for_staff(
        self, staff_id: uuid.UUID, person_ids: Sequence[uuid.UUID] | None = None
    ) -> list[CaseloadAssignment]:
        """An officer's current caseload (optionally only these people), oldest first."""
        stmt = select(CaseloadAssignment).where(
            CaseloadAssignment.staff_id == staff_id, CaseloadAssignment.ended_on.is_(None)
        )
        if person_ids is not None:
            stmt = stmt.where(CaseloadAssignment.person_id.in_(person_ids))
        stmt = stmt.order_by(CaseloadAssignment.started_on, CaseloadAssignment.id)
        return list(self.session.scalars(stmt))

    def history_for_people(self, person_ids: Sequence[uuid.UUID]) -> list[CaseloadAssignment]:
        """Every assignment of these people, newest first."""
        stmt = (
            select(CaseloadAssignment)
            .where(CaseloadAssignment.person_id.in_(person_ids))
            .order_by(CaseloadAssignment.started_on.desc(), CaseloadAssignment.created_at.desc())
        )
        return list(self.session.scalars(stmt))

    def history_with_usernames(self, person_ids: Sequence[uuid.UUID]) -> list[tuple[CaseloadAssignment, str]]:
        """Every assignment of these people with the worker's username, newest first (one query)."""
        stmt = (
            select(CaseloadAssignment, Staff.username)
            .join(Staff, Staff.id == CaseloadAssignment.staff_id)
            .where(CaseloadAssignment.person_id.in_(person_ids))
            .order_by(CaseloadAssignment.started_on.desc(), CaseloadAssignment.created_at.desc())
        )
        return [(a, name) for a, name in self.session.execute(stmt)]

    def caseload_rows(self, staff_id: uuid.UUID) -> list[tuple[CaseloadAssignment, Person, int]]:
        """Current caseload with each person and their count of open tasks (one query)."""
        open_tasks = (
            select(func.count(Task.id))
            .where(Task.person_id == CaseloadAssignment.person_id, Task.status == TaskStatus.OPEN)
            .correlate(CaseloadAssignment)
            .scalar_subquery()
        )
        stmt = (
            select(CaseloadAssignment, Person, open_tasks)
            .join(Person, Person.id == CaseloadAssignment.person_id)
            .where(CaseloadAssignment.staff_id == staff_id, CaseloadAssignment.ended_on.is_(None))
            .order_by(Person.family_name, Person.given_names, Person.id)
        )
        return [(a, p, int(n or 0)) for a, p, n in self.session.execute(stmt)]


def office_exists(session: Session, office_id: uuid.UUID) -> bool:
    """Whether the office exists."""
    return session.get(Office, office_id) is not None


def usernames(session: Session, staff_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Usernames by staff id (for lists that name the worker)."""
    if not staff_ids:
        return {}
    stmt = select(Staff.id, Staff.username).where(Staff.id.in_(set(staff_ids)))
    return dict(session.execute(stmt).all())
