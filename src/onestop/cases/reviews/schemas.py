"""API and service models for reviews, reported changes, suspensions and reinstatements."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from onestop.cases.applications.schemas import FactIn
from onestop.cases.decisions.schemas import DecisionPublic
from onestop.common.schemas import StrictInput as _In


class ChangeReport(_In):
    """A change in circumstances reported by the client (or found by the officer)."""

    application_id: uuid.UUID
    category: str
    description: str = Field(max_length=4000)
    reported_on: dt.date | None = None
    facts: list[FactIn] = Field(default_factory=list)


class ReviewAction(_In):
    """Start or cancel a review read at ``version`` (cancelling needs a reason)."""

    version: int | None = None
    reason: str | None = Field(default=None, max_length=4000)


class ReviewConduct(_In):
    """Conduct a review: re-evaluate on current verified data, or suspend (reason required)."""

    version: int | None = None
    suspend: bool = False
    reason: str | None = Field(default=None, max_length=4000)
    effective_from: dt.date | None = None
    note: str | None = Field(default=None, max_length=4000)


class BenefitHold(_In):
    """Suspend or reinstate the benefit of an application read at ``version``; reason required."""

    application_id: uuid.UUID
    version: int | None = None
    reason: str = Field(max_length=4000)
    effective_from: dt.date | None = None


class ReviewPublic(BaseModel):
    """A review as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int
    application_id: uuid.UUID
    program: str
    person_id: uuid.UUID
    kind: str
    status: str
    due_on: dt.date
    category: str | None
    description: str | None
    reported_on: dt.date | None
    source_type: str | None
    source_id: uuid.UUID | None
    task_id: uuid.UUID | None
    result: str | None
    decision_id: uuid.UUID | None
    created_by: str
    created_at: dt.datetime
    completed_by: str | None
    completed_at: dt.datetime | None
    cancel_reason: str | None


class ReviewOutcome(BaseModel):
    """A conducted review and the decision it recorded."""

    review: ReviewPublic
    decision: DecisionPublic
