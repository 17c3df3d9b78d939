"""The client 360 response."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onestop.registry.schemas import PersonPublic


class Client360(BaseModel):
    """Everything about a person across programs; each section under its own key.

    The sections listed here are always present (empty lists until their area exists); a section an
    area registers later appears as an extra key of the same object.
    """

    model_config = ConfigDict(extra="allow")

    person: PersonPublic
    resolved_from: uuid.UUID | None = Field(
        default=None, description="The id asked for, when it was merged into ``person``."
    )
    generated_at: dt.datetime
    units: list[Any] = Field(default_factory=list)
    applications: list[Any] = Field(default_factory=list)
    decisions: list[Any] = Field(default_factory=list)
    benefits: list[Any] = Field(default_factory=list)
    assessments: list[Any] = Field(default_factory=list)
    plans: list[Any] = Field(default_factory=list)
    referrals: list[Any] = Field(default_factory=list)
    conferences: list[Any] = Field(default_factory=list)
    tasks: list[Any] = Field(default_factory=list)
    interactions: dict[str, Any] = Field(default_factory=lambda: {"total": 0, "recent": []})
    documents: list[Any] = Field(default_factory=list)
    flags: list[Any] = Field(default_factory=list)
    consents: list[Any] = Field(default_factory=list)
    assigned_worker: dict[str, Any] = Field(default_factory=lambda: {"current": None, "history": []})
