"""API and service models for investigations."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class InvestigationCreate(_In):
    """Open an investigation of an allegation about a person (and optionally their application)."""

    person_id: uuid.UUID
    application_id: uuid.UUID | None = None
    allegation: str = Field(max_length=8000)
    source: str
    source_detail: str | None = Field(default=None, max_length=4000)
    referral_id: uuid.UUID | None = None
    assigned_to_id: uuid.UUID | None = None


class EvidenceCreate(_In):
    """Add an uploaded document to the investigation's file."""

    document_id: uuid.UUID
    description: str = Field(max_length=4000)


class InterviewCreate(_In):
    """Record an interview; ``cautioned`` says the person was cautioned before the statement."""

    interviewee_id: uuid.UUID | None = None
    interviewee_name: str | None = Field(default=None, max_length=200)
    held_at: dt.datetime
    cautioned: bool = False
    statement: str = Field(max_length=20000)


class OverpaymentIn(_In):
    """The overpayment a founded finding sets up in the money area."""

    amount: str
    reason: str = Field(max_length=4000)
    program: str | None = None  # default: the application's program


class InvestigationClose(_In):
    """Close with a finding; a founded one may reopen the case for reassessment and set up an overpayment."""

    version: int | None = None
    finding: str
    reason: str = Field(max_length=8000)
    reassess: bool = False
    overpayment: OverpaymentIn | None = None


class EvidencePublic(_Out):
    """A document in the file."""

    id: uuid.UUID
    document_id: uuid.UUID
    description: str
    added_by: str
    added_at: dt.datetime


class InterviewPublic(_Out):
    """An interview as recorded."""

    id: uuid.UUID
    interviewee_id: uuid.UUID | None
    interviewee_name: str | None
    held_at: dt.datetime
    cautioned: bool
    statement: str
    interviewer: str
    recorded_at: dt.datetime


class InvestigationPublic(_Out):
    """An investigation with its file."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    application_id: uuid.UUID | None
    allegation: str
    source: str
    source_detail: str | None
    referral_id: uuid.UUID | None
    status: str
    assigned_to_id: uuid.UUID | None
    opened_by: str
    created_at: dt.datetime
    finding: str | None
    finding_reason: str | None
    closed_by: str | None
    closed_at: dt.datetime | None
    review_id: uuid.UUID | None
    overpayment_id: uuid.UUID | None
    evidence: list[EvidencePublic] = Field(default_factory=list)
    interviews: list[InterviewPublic] = Field(default_factory=list)
