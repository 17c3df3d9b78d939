"""API and service models for assessments and outcome plans."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class AssessmentCreate(_In):
    """A service-level assessment for one program."""

    person_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    program_id: str = Field(max_length=60)
    level: str = Field(max_length=30)
    criteria: dict[str, Any] = Field(default_factory=dict)
    rationale: str = Field(max_length=8000)


class AssessmentPublic(_Out):
    """An assessment as recorded."""

    id: uuid.UUID
    person_id: uuid.UUID
    unit_id: uuid.UUID | None
    program_id: str
    level: str
    criteria: dict[str, Any]
    rationale: str
    assessed_by: str
    assessed_at: dt.datetime


class GoalIn(_In):
    """A goal; give ``id`` (G1...) to keep an existing goal when revising."""

    text: str = Field(max_length=1000)
    status: str = "open"
    id: str | None = None


class ActionIn(_In):
    """An action; ``goal_id`` is one of the plan's goals (new goals are numbered on: G1, G2...)."""

    text: str = Field(max_length=1000)
    owner: str
    owner_name: str | None = Field(default=None, max_length=200)
    due_on: dt.date | None = None
    status: str = "planned"
    goal_id: str | None = None
    id: str | None = None


class PlanCreate(_In):
    """A new outcome plan (revision 1)."""

    person_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    title: str = Field(max_length=200)
    goals: list[GoalIn]
    actions: list[ActionIn] = Field(default_factory=list)


class PlanRevise(_In):
    """The plan's goals and actions as they should now be (the whole list), read at ``version``."""

    version: int | None = None
    title: str | None = Field(default=None, max_length=200)
    goals: list[GoalIn]
    actions: list[ActionIn] = Field(default_factory=list)
    note: str | None = Field(default=None, max_length=2000)


class PlanReviewIn(_In):
    """A review of progress over a period."""

    version: int | None = None
    review_on: dt.date
    period_from: dt.date
    period_to: dt.date
    progress: str
    notes: str = Field(max_length=8000)


class ActionStatusIn(_In):
    """A new status for one action."""

    version: int | None = None
    status: str


class PlanClose(_In):
    """Close the plan (final)."""

    version: int | None = None
    note: str | None = Field(default=None, max_length=2000)


class GoalPublic(BaseModel):
    """A goal."""

    id: str
    text: str
    status: str


class ActionPublic(BaseModel):
    """An action."""

    id: str
    text: str
    owner: str
    owner_name: str | None
    due_on: dt.date | None
    status: str
    goal_id: str | None


class ReviewPublic(BaseModel):
    """A review."""

    id: str
    review_on: dt.date
    period_from: dt.date
    period_to: dt.date
    progress: str
    notes: str
    reviewed_by: str


class RevisionSummary(BaseModel):
    """One line of a plan's history."""

    revision: int
    change: str
    note: str | None
    changed_by: str
    changed_at: dt.datetime


class PlanPublic(BaseModel):
    """A plan at one revision (the current one unless asked), with its history."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    unit_id: uuid.UUID | None
    status: str
    current_revision: int
    revision: int
    title: str
    goals: list[GoalPublic]
    actions: list[ActionPublic]
    reviews: list[ReviewPublic]
    closing_note: str | None
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None
    history: list[RevisionSummary] = Field(default_factory=list)


class PrintedPlan(BaseModel):
    """A printable rendering of a plan revision."""

    filename: str
    media_type: str
    content: bytes
