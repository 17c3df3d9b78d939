"""API models of role grants."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from onestop.access.grants.models import RoleGrant


class GrantRequest(BaseModel):
    """A role asked for an account, and why (the reason is shown to the administrator who decides)."""

    model_config = ConfigDict(extra="forbid")

    role: str = Field(max_length=32, examples=["supervisor"])
    reason: str = Field(max_length=500, examples=["Acting supervisor while Sam is on leave"])


class GrantApproval(BaseModel):
    """An approval, with an optional note."""

    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=500)


class GrantRefusalIn(BaseModel):
    """A refusal, with its reason (required)."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(max_length=500)


class GrantPublic(BaseModel):
    """A grant request as shown to staff."""

    id: uuid.UUID
    staff_id: uuid.UUID
    username: str
    display_name: str
    role: str
    state: str
    reason: str | None
    requested_by: str
    requested_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str | None

    @classmethod
    def of(cls, grant: RoleGrant) -> GrantPublic:
        """From the table row."""
        return cls(
            id=grant.id,
            staff_id=grant.staff_id,
            username=grant.staff.username,
            display_name=grant.staff.display_name,
            role=grant.role,
            state=grant.state,
            reason=grant.reason,
            requested_by=grant.requested_by,
            requested_at=grant.created_at,
            decided_by=grant.decided_by,
            decided_at=grant.decided_at,
            decision_note=grant.decision_note,
        )
