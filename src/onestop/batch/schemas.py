"""Service and API models of caseload runs."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onestop.batch.models import BatchRow, BatchRun


class RunCreate(BaseModel):
    """A re-assessment or simulation to start."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    program: str = Field(max_length=64)
    on: dt.date
    overlays: list[str] = Field(default_factory=list)
    partition_size: int = 20_000


class RunPublic(BaseModel):
    """A run as shown: what, with which rules, and how far it got."""

    id: uuid.UUID
    kind: str
    program: str
    on: dt.date
    overlays: list[str]
    parameters: list[dict[str, Any]]
    rules_version: str
    program_version: str
    partition_size: int
    status: str
    households_total: int
    households_done: int
    partitions_done: int
    scheduler: str | None
    error: str | None
    started_by: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    version: int

    @property
    def percent(self) -> int:
        """Households done, in whole percent (100 for an empty run)."""
        if not self.households_total:
            return 100
        return min(100, self.households_done * 100 // self.households_total)

    @classmethod
    def of(cls, run: BatchRun) -> RunPublic:
        """From the table row."""
        return cls(
            id=run.id,
            kind=run.kind,
            program=run.program,
            on=run.on_date,
            overlays=list(run.overlays),
            parameters=list(run.parameters),
            rules_version=run.rules_version,
            program_version=run.program_version,
            partition_size=run.partition_size,
            status=run.status,
            households_total=run.households_total,
            households_done=run.households_done,
            partitions_done=run.partitions_done,
            scheduler=run.scheduler,
            error=run.error,
            started_by=run.started_by,
            created_at=run.created_at,
            finished_at=run.finished_at,
            version=run.version,
        )


class RowPublic(BaseModel):
    """One household's result."""

    application_id: uuid.UUID
    unit_id: uuid.UUID
    office: str | None
    family_type: str
    before_cents: int | None
    after_cents: int | None
    change_cents: int | None
    status: str
    missing: list[dict[str, Any]] | None
    review: str | None
    task_id: uuid.UUID | None
    reviewed_by: str | None

    @classmethod
    def of(cls, row: BatchRow) -> RowPublic:
        """From the table row."""
        return cls(
            application_id=row.application_id,
            unit_id=row.unit_id,
            office=row.office,
            family_type=row.family_type,
            before_cents=row.before_cents,
            after_cents=row.after_cents,
            change_cents=row.change_cents,
            status=row.status,
            missing=row.missing,
            review=row.review,
            task_id=row.task_id,
            reviewed_by=row.reviewed_by,
        )


class RowReview(BaseModel):
    """An officer's action on a changed row: make it a task, or dismiss it with a reason."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    action: str = "task"  # task | dismiss
    note: str | None = Field(default=None, max_length=4000)
    due_on: dt.date | None = None


class RunReport(BaseModel):
    """A run with its summary (totals and groups) and row counts by status."""

    run: RunPublic
    counts: dict[str, int]
    summary: dict[str, Any]
