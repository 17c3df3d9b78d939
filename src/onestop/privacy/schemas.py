"""API and service models of privacy requests, redactions, legal holds and purges."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class RequestCreate(_In):
    """A request as the person (or their representative, with the authority shown) made it."""

    person_id: uuid.UUID
    kind: str = "access"
    jurisdiction: str = Field(max_length=10)
    received_on: dt.date
    details: str = Field(max_length=4000)
    representative: str | None = Field(default=None, max_length=200)
    representative_authority: str | None = Field(default=None, max_length=2000)
    assignee_id: uuid.UUID | None = None  # the officer who answers; default the one logging it


class ExtensionIn(_In):
    """The one extension the statute allows, with its reason."""

    days: int
    reason: str = Field(max_length=2000)


class RedactionIn(_In):
    """Withhold a whole section of the package, or one item of a list section, for a reason."""

    section: str = Field(max_length=30)
    index: int | None = None
    reason: str = Field(max_length=20)
    note: str = Field(max_length=2000)


class CorrectionDecision(_In):
    """Correct the record (say what was changed) or refuse (say why)."""

    outcome: str  # corrected | refused
    reason: str = Field(max_length=4000)
    correction_made: str | None = Field(default=None, max_length=4000)
    disagreement: str | None = Field(default=None, max_length=4000)


class DisagreementIn(_In):
    """The person's statement of disagreement with a refused correction, in their words."""

    statement: str = Field(max_length=4000)


class HoldIn(_In):
    """A legal hold on a person's file."""

    person_id: uuid.UUID
    reason: str = Field(max_length=2000)


class RedactionPublic(_Out):
    """A redaction as recorded."""

    id: uuid.UUID
    section: str
    item_index: int | None
    reason: str
    note: str
    added_by: str
    added_at: dt.datetime


class RequestPublic(_Out):
    """A request and where it stands; the package itself is read apart (it is the whole file)."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    kind: str
    jurisdiction: str
    status: str
    received_on: dt.date
    due_on: dt.date
    extension_reason: str | None
    details: str
    representative: str | None
    representative_authority: str | None
    task_id: uuid.UUID | None
    logged_by: str
    assembled_by: str | None
    approved_by: str | None
    approved_at: dt.datetime | None
    released_by: str | None
    released_on: dt.date | None
    decision_reason: str | None
    correction_made: str | None
    disagreement: str | None
    decided_by: str | None
    decided_at: dt.datetime | None
    created_at: dt.datetime
    redactions: list[RedactionPublic] = Field(default_factory=list)
    overdue: bool = False
    on_time: bool | None = None


class PackagePublic(BaseModel):
    """The package as the person will receive it (redactions applied), with the request."""

    request: RequestPublic
    package: dict[str, Any]


class HoldPublic(_Out):
    """A legal hold."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    reason: str
    placed_by: str
    created_at: dt.datetime
    lifted_at: dt.datetime | None
    lifted_by: str | None


class FileDisposition(BaseModel):
    """One file in a purge: what the retention rule says of it."""

    person_id: uuid.UUID
    disposition: str  # open | kept | held | due | destroyed
    last_activity: dt.date
    destroy_on: dt.date | None


class CertificatePublic(_Out):
    """A destruction certificate."""

    id: uuid.UUID
    person_id: uuid.UUID
    destroyed_at: dt.datetime
    destroyed_by: str
    schedule: str
    items: dict[str, Any]


class PurgeReport(BaseModel):
    """What a purge found and (when applied) did."""

    applied: bool
    today: dt.date
    files: list[FileDisposition]
    certificates: list[CertificatePublic] = Field(default_factory=list)

    def count(self, disposition: str) -> int:
        """How many files are in ``disposition``."""
        return sum(1 for f in self.files if f.disposition == disposition)


class DisclosureIn(_In):
    """A disclosure outside the department: to whom, what, and under which authority or consent."""

    person_id: uuid.UUID
    recipient: str = Field(max_length=200)
    what: str = Field(max_length=4000)
    basis: str  # consent | statute | court_order
    authority: str | None = Field(default=None, max_length=2000)
    consent_id: uuid.UUID | None = None
    disclosed_on: dt.date


class DisclosurePublic(_Out):
    """A disclosure as logged."""

    id: uuid.UUID
    person_id: uuid.UUID
    recipient: str
    what: str
    basis: str
    authority: str | None
    consent_id: uuid.UUID | None
    disclosed_on: dt.date
    recorded_by: str
    recorded_at: dt.datetime


class BreachCreate(_In):
    """A suspected breach as found: what kind, when, what happened, whose information (when known) and,
    for a misdirected letter, which letter."""

    kind: str = "misdirected_letter"
    jurisdiction: str = Field(max_length=10)
    discovered_on: dt.date
    description: str = Field(max_length=4000)
    person_id: uuid.UUID | None = None
    notice_id: uuid.UUID | None = None


class BreachAssessmentIn(_In):
    """The assessment: what information, the commissioners' factors, what was done and the harm feared."""

    information: str = Field(max_length=2000)
    sensitivity: str
    people_affected: int = Field(ge=1, le=10_000_000)
    likelihood: str
    containment: str
    containment_steps: str = Field(max_length=2000)
    harm: str = Field(max_length=2000)


class BreachActionIn(_In):
    """A follow-up step and the day it is due."""

    what: str = Field(max_length=2000)
    due_on: dt.date


class BreachActionDone(_In):
    """What was done, when a follow-up step is finished."""

    note: str = Field(default="", max_length=2000)


class BreachCloseIn(_In):
    """The outcome: what was learned and changed."""

    outcome: str = Field(max_length=4000)


class BreachActionPublic(_Out):
    """A follow-up step."""

    id: uuid.UUID
    what: str
    due_on: dt.date
    added_by: str
    added_at: dt.datetime
    done_at: dt.datetime | None
    done_by: str | None
    done_note: str | None
    overdue: bool = False


class BreachPublic(_Out):
    """A breach and where it stands."""

    id: uuid.UUID
    version: int
    kind: str
    jurisdiction: str
    status: str
    discovered_on: dt.date
    description: str
    person_id: uuid.UUID | None
    notice_id: uuid.UUID | None
    reported_by: str
    created_at: dt.datetime
    information: str | None
    sensitivity: str | None
    people_affected: int | None
    likelihood: str | None
    containment: str | None
    containment_steps: str | None
    harm: str | None
    risk: str | None
    assessed_by: str | None
    assessed_at: dt.datetime | None
    person_notice_id: uuid.UUID | None
    office_letter: bool = False
    notified_by: str | None
    notified_on: dt.date | None
    outcome: str | None
    closed_by: str | None
    closed_at: dt.datetime | None
    must_notify: bool | None = None
    actions: list[BreachActionPublic] = Field(default_factory=list)
