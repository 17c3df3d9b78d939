"""What callers send to record or decide a parameter overlay, and what they read back."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onestop.policy.models import ParameterOverlayRow


class OverlayCreate(BaseModel):
    """A new value: the parameter's qualified name, the value as its YAML writes it, from a date, cited."""

    model_config = ConfigDict(extra="forbid")

    parameter: str = Field(max_length=160)
    value: Any
    effective: dt.date
    source_title: str = Field(max_length=300)
    source_url: str | None = Field(default=None, max_length=500)
    source_section: str | None = Field(default=None, max_length=200)
    confidence: str = "high"
    note: str | None = Field(default=None, max_length=4000)


class OverlayDecision(BaseModel):
    """Approve or refuse (a refusal needs a reason); ``version`` guards against a stale page."""

    model_config = ConfigDict(extra="forbid")

    version: int | None = None
    reason: str | None = Field(default=None, max_length=4000)


class OverlayPublic(BaseModel):
    """An overlay as listed: what, from when, cited, and where it stands."""

    id: uuid.UUID
    jurisdiction: str
    parameter: str
    effective: dt.date
    value: Any
    source_title: str
    source_url: str | None
    source_section: str | None
    confidence: str
    note: str | None
    status: str
    recorded_by: str
    decided_by: str | None
    decided_at: dt.datetime | None
    refusal_reason: str | None
    version: int

    @classmethod
    def of(cls, row: ParameterOverlayRow) -> OverlayPublic:
        """From the stored row."""
        return cls(
            id=row.id,
            jurisdiction=row.jurisdiction,
            parameter=row.parameter,
            effective=row.effective,
            value=row.value,
            source_title=row.source_title,
            source_url=row.source_url,
            source_section=row.source_section,
            confidence=row.confidence,
            note=row.note,
            status=row.status,
            recorded_by=row.recorded_by,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            refusal_reason=row.refusal_reason,
            version=row.version,
        )
