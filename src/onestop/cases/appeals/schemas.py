"""API and service models for appeals."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from onestop.cases.decisions.schemas import DecisionPublic
from onestop.common.schemas import StrictInput as _In


class AppealCreate(_In):
    """File an appeal of a decision; past the deadline a reason for the late filing is required."""

    decision_id: uuid.UUID
    filed_on: dt.date | None = None
    grounds: str = Field(max_length=8000)
    late_reason: str | None = Field(default=None, max_length=4000)


class HearingSchedule(_In):
    """Schedule (or move) the hearing: date, panel members, place."""

    version: int | None = None
    hearing_on: dt.date
    panel: list[str] = Field(min_length=1, max_length=7)
    location: str | None = Field(default=None, max_length=200)


class AppealResult(_In):
    """The decision the panel set, when it varied or overturned the one appealed."""

    outcome: Literal["eligible", "ineligible"] | None = None
    monthly_amount: str | None = None
    effective_from: dt.date | None = None


class AppealDecide(_In):
    """The panel's outcome and reasons."""

    version: int | None = None
    outcome: str
    reason: str = Field(max_length=8000)
    decided_on: dt.date | None = None
    result: AppealResult | None = None


class AppealWithdraw(_In):
    """The appellant withdraws (reason required)."""

    version: int | None = None
    reason: str = Field(max_length=4000)


class AppealPublic(BaseModel):
    """An appeal as the API shows it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int
    decision_id: uuid.UUID
    application_id: uuid.UUID
    person_id: uuid.UUID
    filed_on: dt.date
    deadline: dt.date | None
    late: bool
    late_reason: str | None
    grounds: str
    status: str
    hearing_on: dt.date | None
    panel: list[Any] | None
    hearing_location: str | None
    outcome: str | None
    outcome_reason: str | None
    decided_on: dt.date | None
    resulting_decision_id: uuid.UUID | None
    withdrawn_reason: str | None
    filed_by: str
    created_at: dt.datetime


class AppealOutcomePublic(BaseModel):
    """A decided appeal and, when varied or overturned, the decision that followed."""

    appeal: AppealPublic
    decision: DecisionPublic | None
