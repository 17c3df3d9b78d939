"""API and service models for screening interviews."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onestop.common.schemas import StrictInput as _In


class ScreeningStart(_In):
    """Start an interview (anonymous unless ``person_id``), optionally with the first answers."""

    jurisdiction: str = Field(max_length=10)
    programs: list[str] | None = None
    person_id: uuid.UUID | None = None
    answers: dict[str, Any] = Field(default_factory=dict)
    note: str | None = Field(default=None, max_length=4000)


class ScreeningAnswers(_In):
    """Answers to questions (``{"unit.liquid_assets": "120.00", "people[p1].age": 34}``) at ``version``."""

    answers: dict[str, Any] = Field(min_length=1)
    version: int | None = None
    note: str | None = Field(default=None, max_length=4000)


class ScreeningLink(_In):
    """Link an anonymous interview to a registered person."""

    person_id: uuid.UUID
    version: int | None = None


class ScreeningComplete(_In):
    """Close the interview (no more answers)."""

    version: int | None = None
    note: str | None = Field(default=None, max_length=4000)


class Question(BaseModel):
    """A question to ask next, in English and French."""

    path: str
    question: dict[str, str | None]


class StepPublic(BaseModel):
    """One step of the interview: what was asked, answered, and what the screener said."""

    model_config = ConfigDict(from_attributes=True)

    seq: int
    asked: list[str]
    answers: dict[str, Any]
    result: dict[str, Any]
    rules_version: str
    note: str | None
    recorded_by: str
    recorded_at: dt.datetime


class ScreeningPublic(BaseModel):
    """An interview as resumed: the case so far, the latest results, the next questions, every step."""

    id: uuid.UUID
    version: int
    jurisdiction: str
    programs: list[str] | None
    person_id: uuid.UUID | None
    status: str
    created_at: dt.datetime
    created_by: str
    case: dict[str, Any]
    answers: dict[str, Any]
    results: list[dict[str, Any]]
    next_questions: list[Question]
    steps: list[StepPublic]
