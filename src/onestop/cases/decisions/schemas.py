"""API and service models for decisions and override approvals."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

from onestop.cases.decisions.models import Decision, OverrideRequest
from onestop.common.money import format_cents
from onestop.common.schemas import StrictInput as _In


class OverrideIn(_In):
    """Replace the computed result: always with a reason; some overrides wait for a supervisor."""

    outcome: Literal["eligible", "ineligible"]
    monthly_amount: str | None = None
    reason: str = Field(max_length=4000)


class GapValueIn(_In):
    """A value the published policy lacks, entered by the officer with the authority they rely on."""

    parameter: str = Field(max_length=160)
    value: Any
    authority: str = Field(max_length=1000)


class DecisionCreate(_In):
    """Decide an application read at ``version`` (the application's version)."""

    application_id: uuid.UUID
    version: int | None = None
    effective_from: dt.date | None = None
    override: OverrideIn | None = None
    note: str | None = Field(default=None, max_length=4000)
    payment_method: str | None = None
    #: Deciding with a gap (issue 13, part 6): always waits for a supervisor.
    gap_values: list[GapValueIn] = Field(default_factory=list, max_length=10)


class OverrideReview(_In):
    """A supervisor's answer to an override read at ``version``; refusing needs a reason."""

    version: int | None = None
    reason: str | None = Field(default=None, max_length=4000)


def _money(cents: int | None) -> str | None:
    return format_cents(cents) if cents is not None else None


class DecisionPublic(BaseModel):
    """A decision as recorded: never changed, except the link to what superseded it."""

    id: uuid.UUID
    application_id: uuid.UUID
    seq: int
    program: str
    jurisdiction: str
    unit_id: uuid.UUID
    applicant_id: uuid.UUID
    basis: str
    source_type: str | None
    source_id: uuid.UUID | None
    action: str
    outcome: str
    effective_from: dt.date
    monthly_amount: str | None
    computed_status: str | None
    computed_monthly_amount: str | None
    amounts: dict[str, Any]
    case_data: dict[str, Any]
    provenance: dict[str, Any]
    explanation: dict[str, Any]
    parameters: list[Any]
    text_en: str
    text_fr: str
    rules_version: str
    program_version: str
    overridden: bool
    override_reason: str | None
    approval_required: bool
    approved_by: str | None
    approved_at: dt.datetime | None
    appeal_deadline: dt.date | None
    appeal: dict[str, Any] | None
    alternatives: list[Any]
    entitlement_id: uuid.UUID | None
    note: str | None
    decided_by: str
    decided_at: dt.datetime
    supersedes_id: uuid.UUID | None
    superseded_by_id: uuid.UUID | None
    superseded_at: dt.datetime | None

    @classmethod
    def of(cls, row: Decision) -> DecisionPublic:
        """The public view of a row (amounts as decimal strings)."""
        fields = {name: getattr(row, name) for name in cls.model_fields if hasattr(row, name)}
        fields["monthly_amount"] = _money(row.monthly_amount_cents)
        fields["computed_monthly_amount"] = _money(row.computed_monthly_cents)
        return cls(**fields)


class OverridePublic(BaseModel):
    """An override waiting for (or answered by) a supervisor."""

    id: uuid.UUID
    version: int
    application_id: uuid.UUID
    status: str
    reason: str
    outcome: str
    monthly_amount: str | None
    computed_status: str | None
    computed_monthly_amount: str | None
    effective_from: dt.date
    requested_by: str
    requested_at: dt.datetime
    task_id: uuid.UUID | None
    decided_by: str | None
    decided_at: dt.datetime | None
    refusal_reason: str | None
    decision_id: uuid.UUID | None

    @classmethod
    def of(cls, row: OverrideRequest) -> OverridePublic:
        """The public view of a request."""
        p = row.proposed
        return cls(
            id=row.id,
            version=row.version,
            application_id=row.application_id,
            status=row.status,
            reason=row.reason,
            outcome=p["outcome"],
            monthly_amount=_money(p["monthly_amount_cents"]),
            computed_status=p["computed_status"],
            computed_monthly_amount=_money(p["computed_monthly_cents"]),
            effective_from=dt.date.fromisoformat(p["effective_from"]),
            requested_by=row.requested_by,
            requested_at=row.created_at,
            task_id=row.task_id,
            decided_by=row.decided_by,
            decided_at=row.decided_at,
            refusal_reason=row.refusal_reason,
            decision_id=row.decision_id,
        )


class DecisionOutcome(BaseModel):
    """What deciding produced: a decision, or an override waiting for a supervisor."""

    decision: DecisionPublic | None = None
    pending_override: OverridePublic | None = None
