"""API and service models for tasks and caseloads (``XCreate`` / ``XUpdate`` / ``XPublic``)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class TaskCreate(_In):
    """A new task; without assignee or office it goes to the officer creating it."""

    kind: str = "follow_up"
    title: str = Field(max_length=200)
    details: str | None = Field(default=None, max_length=4000)
    person_id: uuid.UUID | None = None
    due_on: dt.date
    priority: str = "normal"
    assignee_id: uuid.UUID | None = None
    office_id: uuid.UUID | None = None
    source_type: str | None = Field(default=None, max_length=30)
    source_id: uuid.UUID | None = None


class TaskClose(_In):
    """Complete (note optional) or cancel (reason required) a task read at ``version``."""

    version: int | None = None
    note: str | None = Field(default=None, max_length=4000)


class TaskReassign(_In):
    """Give an open task to another officer or team."""

    version: int | None = None
    assignee_id: uuid.UUID | None = None
    office_id: uuid.UUID | None = None


class TaskPublic(_Out):
    """A task as lists and the API show it; ``bucket`` is overdue / due_today / upcoming / closed."""

    id: uuid.UUID
    version: int
    kind: str
    title: str
    details: str | None
    person_id: uuid.UUID | None
    due_on: dt.date
    priority: str
    status: str
    assignee_id: uuid.UUID | None
    office_id: uuid.UUID | None
    source_type: str | None
    source_id: uuid.UUID | None
    created_at: dt.datetime
    created_by: str
    closed_at: dt.datetime | None
    closed_by: str | None
    close_note: str | None
    bucket: str = "upcoming"


class TaskList(BaseModel):
    """One of the working lists, as of ``today`` (the service clock's date)."""

    view: str
    today: dt.date
    items: list[TaskPublic]


class CaseloadAssign(_In):
    """Make ``staff_id`` the person's primary worker (ending the current assignment, if any)."""

    staff_id: uuid.UUID
    reason: str | None = Field(default=None, max_length=2000)


class CaseloadReassign(_In):
    """Move a caseload (or part of it) from one officer to another, with its open tasks."""

    from_staff_id: uuid.UUID
    to_staff_id: uuid.UUID
    reason: str = Field(max_length=2000)
    person_ids: list[uuid.UUID] | None = None


class AssignmentPublic(_Out):
    """One dated primary-worker assignment."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    staff_id: uuid.UUID
    started_on: dt.date
    ended_on: dt.date | None
    assigned_by: str
    ended_by: str | None
    reason: str | None
    worker_username: str | None = None


class CaseloadEntry(BaseModel):
    """A person on an officer's caseload, with their open task count."""

    assignment_id: uuid.UUID
    person_id: uuid.UUID
    given_names: str
    family_name: str
    birth_date: dt.date | None
    started_on: dt.date
    open_tasks: int


class Caseload(BaseModel):
    """An officer's current caseload."""

    staff_id: uuid.UUID
    people: list[CaseloadEntry]


class ReassignResult(BaseModel):
    """What a caseload reassignment moved."""

    from_staff_id: uuid.UUID
    to_staff_id: uuid.UUID
    people_moved: list[uuid.UUID]
    tasks_moved: list[uuid.UUID]
