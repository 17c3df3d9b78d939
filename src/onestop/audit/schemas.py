"""API models of the audit area."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict

from onestop.audit.domain import VerifyResult


class AuditEventPublic(BaseModel):
    """One event of the trail, as stored (including its hashes, so a reader can re-check them)."""

    model_config = ConfigDict(from_attributes=True)

    seq: int
    occurred_at: dt.datetime
    actor_staff_id: uuid.UUID | None
    actor_username: str
    action: str
    subject_type: str | None
    subject_id: str | None
    purpose: str | None
    outcome: str
    before: Any
    after: Any
    details: Any
    prev_hash: str
    hash: str


class VerifyPublic(BaseModel):
    """The result of verifying the chain."""

    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str

    @classmethod
    def of(cls, result: VerifyResult) -> VerifyPublic:
        """From the domain result."""
        return cls(
            ok=result.ok,
            checked=result.checked,
            first_broken_seq=result.first_broken_seq,
            reason=result.reason,
        )
