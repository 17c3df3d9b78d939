"""API and service models for applications (``XCreate`` / ``XUpdate`` / ``XPublic``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class ApplicationCreate(_In):
    """A new application; the applicant defaults to the unit's applicant, the date to today."""

    program: str = Field(max_length=64)
    unit_id: uuid.UUID
    applicant_id: uuid.UUID | None = None
    received_on: dt.date | None = None
    channel: str = "in_person"
    screening_session_id: uuid.UUID | None = None
    #: Screening people ids ("p1") to registry person ids; the screened applicant maps to the applicant.
    person_map: dict[str, uuid.UUID] = Field(default_factory=dict)


class ApplicationStatusChange(_In):
    """Move an application read at ``version`` (request documents, assess, withdraw, reopen)."""

    version: int | None = None
    reason: str | None = Field(default=None, max_length=4000)


class ApplicationPublic(_Out):
    """An application as the API shows it."""

    id: uuid.UUID
    version: int
    program: str
    jurisdiction: str
    unit_id: uuid.UUID
    applicant_id: uuid.UUID
    office_id: uuid.UUID | None
    received_on: dt.date
    channel: str
    status: str
    status_changed_at: dt.datetime
    status_reason: str | None
    screening_session_id: uuid.UUID | None
    created_at: dt.datetime
    created_by: str


class FactIn(_In):
    """Record a value of the case; with a verified ``document_id`` it is recorded as verified.

    ``version``: the version of the current value at this path that the officer read (optimistic lock).
    """

    path: str = Field(max_length=200)
    value: Any
    document_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=4000)
    version: int | None = None


class FactVerify(_In):
    """Verify the current value at ``path`` with a verified document."""

    path: str = Field(max_length=200)
    document_id: uuid.UUID
    version: int | None = None


class FactPublic(_Out):
    """One value of the case with its provenance."""

    id: uuid.UUID
    version: int
    path: str
    value: Any
    source: str
    note: str | None
    recorded_by: str
    created_at: dt.datetime
    verified: bool
    document_id: uuid.UUID | None
    verified_by: str | None
    verified_at: dt.datetime | None
    replaced_at: dt.datetime | None


class MissingFact(BaseModel):
    """An input the rules still need, with the question to ask (EN/FR)."""

    path: str
    problem: str
    question: dict[str, str | None]


class Assessment(BaseModel):
    """The program's answer on the verified case data (and on everything recorded, for comparison)."""

    application_id: uuid.UUID
    program: str
    date: dt.date
    rules_version: str
    case: dict[str, Any]
    provenance: dict[str, dict[str, Any]]
    status: str
    monthly_amount: str | None
    amounts: dict[str, str | None]
    missing: list[MissingFact]
    missing_parameters: list[str]
    reasons: list[dict[str, Any]]
    status_with_unverified: str
    ignored: list[str]


class ChecklistItemPublic(BaseModel):
    """One document to obtain, with what it proves and how to get it."""

    doc_type: str
    person_id: uuid.UUID | None
    label: dict[str, str]
    status: str
    needed_for: list[str]
    document_ids: list[uuid.UUID]
    how_to_obtain: dict[str, str]
    catalogue: list[dict[str, str]]


class Checklist(BaseModel):
    """The application's document checklist; ``missing`` are the items still to obtain."""

    application_id: uuid.UUID
    program: str
    items: list[ChecklistItemPublic]
    missing: list[ChecklistItemPublic]
    how_to_apply: dict[str, str] | None


class WaitingApplication(BaseModel):
    """An open application of someone on the caseload, with the documents still to check."""

    application_id: uuid.UUID
    person_id: uuid.UUID
    family_name: str
    given_names: str
    program: str
    status: str
    received_on: dt.date
    documents_to_check: int


class CaseloadWork(BaseModel):
    """People on the caseload by the status of their latest application, and the open applications."""

    staff_id: uuid.UUID
    people: int
    by_status: list[tuple[str, int]]  # (status or "none", people), in ORDER then "none"
    waiting: list[WaitingApplication]  # oldest first
