"""API and service models of sponsors, projects and elected members' inquiries."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from onestop.common.money import Cents
from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class ContactIn(_In):
    """A person to call at the sponsor."""

    name: str = Field(max_length=200)
    role: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=200)


class SponsorCreate(_In):
    """A new sponsor; it is paid as a new vendor payee in money unless ``payee_id`` names one."""

    name: str = Field(max_length=140)
    kind: str = "organization"
    address: str | None = Field(default=None, max_length=2000)
    payee_id: uuid.UUID | None = None
    contacts: list[ContactIn] = Field(default_factory=list, max_length=20)


class ContactPublic(_Out):
    """A sponsor's contact."""

    id: uuid.UUID
    name: str
    role: str | None
    phone: str | None
    email: str | None


class SponsorPublic(_Out):
    """A sponsor with its contacts."""

    id: uuid.UUID
    version: int
    name: str
    kind: str
    address: str | None
    payee_id: uuid.UUID | None
    created_at: dt.datetime
    created_by: str
    contacts: list[ContactPublic] = Field(default_factory=list)


class ProjectCreate(_In):
    """A sponsor's proposal: activities, participants wanted, funding and human resources asked, dates."""

    sponsor_id: uuid.UUID
    title: str = Field(max_length=200)
    program: str = Field(default="nl.lmda", max_length=64)
    office_id: uuid.UUID | None = None
    activities: str = Field(max_length=20_000)
    participants_wanted: int
    funding_asked: Cents
    hr_asked: str | None = Field(default=None, max_length=4000)
    starts_on: dt.date
    ends_on: dt.date


class Negotiation(_In):
    """New terms agreed in negotiation (either or both), with what was agreed and why."""

    version: int | None = None
    funding: Cents | None = None
    participants: int | None = None
    note: str = Field(max_length=4000)


class Recommendation(_In):
    """The officer's written recommendation to the manager."""

    version: int | None = None
    recommendation: str = Field(max_length=20_000)


class Approval(_In):
    """A supervisor's or manager's approval of the project read at ``version``."""

    version: int | None = None


class Signing(_In):
    """Signing the approved agreement with the sponsor."""

    version: int | None = None
    signed_on: dt.date


class ParticipantCreate(_In):
    """An agreement between the sponsor and a participant, reviewed by the officer."""

    person_id: uuid.UUID
    placement: str = Field(max_length=200)
    starts_on: dt.date
    ends_on: dt.date | None = None
    note: str | None = Field(default=None, max_length=4000)


class InstalmentCreate(_In):
    """One instalment of the approved funding, to be paid by money on ``pay_date`` once another person
    approves it."""

    amount: Cents
    pay_date: dt.date
    note: str | None = Field(default=None, max_length=2000)


class InstalmentApproval(_In):
    """A second person's approval of a recorded instalment (the project read at ``version``)."""

    version: int | None = None


class VisitCreate(_In):
    """A monitoring visit or report."""

    visited_on: dt.date
    findings: str = Field(max_length=20_000)


class Closing(_In):
    """Closing a signed project with its results."""

    version: int | None = None
    closed_on: dt.date
    results: str = Field(max_length=20_000)


class RevisionPublic(_Out):
    """The terms at one point of the negotiation."""

    number: int
    funding_cents: int
    participants: int
    note: str
    recorded_by: str
    created_at: dt.datetime


class ParticipantPublic(_Out):
    """A participant agreement."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str = ""
    placement: str
    starts_on: dt.date
    ends_on: dt.date | None
    note: str | None
    reviewed_by: str


class InstalmentPublic(_Out):
    """An instalment and where it is in money (``state``: recorded, pending_approval, approved, batched,
    exported, paid or rejected)."""

    id: uuid.UUID
    number: int
    amount_cents: int
    pay_date: dt.date
    note: str | None
    recorded_by: str
    invoice_id: uuid.UUID | None
    issuance_id: uuid.UUID | None = None
    approved_by: str | None = None
    state: str = "recorded"


class VisitPublic(_Out):
    """A monitoring visit."""

    id: uuid.UUID
    visited_on: dt.date
    findings: str
    recorded_by: str


class ProjectPublic(_Out):
    """A project with its history; ``committed_cents`` is the approved funding (0 before approval),
    ``requested_cents`` what its instalments ask of it (all but rejected ones) and ``paid_cents`` what
    money has paid of them (spent)."""

    id: uuid.UUID
    version: int
    sponsor_id: uuid.UUID
    sponsor_name: str = ""
    title: str
    program: str
    office_id: uuid.UUID | None
    activities: str
    participants: int
    funding_cents: int
    hr_asked: str | None
    starts_on: dt.date
    ends_on: dt.date
    fiscal_year: int
    state: str
    proposed_by: str
    recommendation: str | None
    recommended_by: str | None
    approved_by: str | None
    signed_by: str | None
    signed_on: dt.date | None
    results: str | None
    closed_by: str | None
    closed_on: dt.date | None
    created_at: dt.datetime
    committed_cents: int = 0
    requested_cents: int = 0
    paid_cents: int = 0
    revisions: list[RevisionPublic] = Field(default_factory=list)
    agreements: list[ParticipantPublic] = Field(default_factory=list)
    instalments: list[InstalmentPublic] = Field(default_factory=list)
    visits: list[VisitPublic] = Field(default_factory=list)


class CommitmentLine(BaseModel):
    """Project funding of one program and office in a fiscal year: approved (committed) and what money
    has paid of it (spent)."""

    program: str
    office_id: uuid.UUID | None
    fiscal_year: int
    projects: int
    committed_cents: int
    paid_cents: int


class InquiryCreate(_In):
    """An inquiry from an elected member's office about a client's file."""

    person_id: uuid.UUID
    member_office: str = "mha"
    member_name: str = Field(max_length=200)
    asked_by: str = Field(max_length=200)
    on_behalf_of: str = Field(max_length=200)
    question: str = Field(max_length=20_000)
    received_on: dt.date
    respond_by: dt.date | None = None
    consent_on: dt.date | None = None
    consent_note: str | None = Field(default=None, max_length=2000)


class InquiryConsent(_In):
    """The client's consent to share their file with the member's office, as given."""

    version: int | None = None
    consent_on: dt.date
    consent_note: str = Field(max_length=2000)


class InquiryAnswer(_In):
    """The answer given; ``disclose`` says it shares details of the file (needs the client's consent)."""

    version: int | None = None
    answer: str = Field(max_length=20_000)
    disclose: bool = False
    answered_on: dt.date


class InquiryPublic(_Out):
    """An inquiry as staff see it."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str = ""
    member_office: str
    member_name: str
    asked_by: str
    on_behalf_of: str
    question: str
    received_on: dt.date
    respond_by: dt.date
    consent_on: dt.date | None
    consent_note: str | None
    state: str
    opened_by: str
    answer: str | None
    disclosed: bool
    answered_by: str | None
    answered_on: dt.date | None
    created_at: dt.datetime


class TrainingCreate(_In):
    """A client in post-secondary studies or a short course, with the tuition and supports approved."""

    person_id: uuid.UUID
    kind: str = "post_secondary"
    institution: str = Field(max_length=200)
    program_name: str = Field(max_length=200)
    starts_on: dt.date
    ends_on: dt.date
    tuition: Cents
    supports: Cents = 0
    supports_note: str | None = Field(default=None, max_length=2000)
    office_id: uuid.UUID | None = None


class AttendanceCreate(_In):
    """The attendance the institution reported for one term, as the officer reviewed it."""

    term: str = Field(max_length=60)
    period_start: dt.date
    period_end: dt.date
    scheduled_days: int
    attended_days: int
    received_on: dt.date
    note: str | None = Field(default=None, max_length=4000)


class AttendanceConfirm(_In):
    """The officer confirms the missed attendance: a change in circumstances on the benefit's
    application (reassessed through the ordinary review and decision)."""

    version: int | None = None
    application_id: uuid.UUID
    note: str = Field(max_length=4000)


class AttendanceExcuse(_In):
    """The officer excuses the missed attendance, saying why."""

    version: int | None = None
    note: str = Field(max_length=4000)


class AttendancePublic(_Out):
    """One term's attendance; ``flagged`` when the missed share is over the rule."""

    id: uuid.UUID
    version: int
    training_id: uuid.UUID
    term: str
    period_start: dt.date
    period_end: dt.date
    scheduled_days: int
    attended_days: int
    received_on: dt.date
    note: str | None
    reviewed_by: str
    flagged: bool
    task_id: uuid.UUID | None
    outcome: str | None
    outcome_note: str | None
    outcome_by: str | None
    review_id: uuid.UUID | None
    missed_percent: int = 0


class TrainingPublic(_Out):
    """A client's training with its terms' attendance, newest term first."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str = ""
    kind: str
    institution: str
    program_name: str
    starts_on: dt.date
    ends_on: dt.date
    tuition_cents: int
    supports_cents: int
    supports_note: str | None
    office_id: uuid.UUID | None
    created_by: str
    created_at: dt.datetime
    attendance: list[AttendancePublic] = Field(default_factory=list)


class ShiftCreate(_In):
    """A shift of the after-hours on-call roster."""

    staff_id: uuid.UUID
    area: str = Field(max_length=100)
    office_id: uuid.UUID | None = None
    phone: str = Field(max_length=40)
    starts_at: dt.datetime
    ends_at: dt.datetime


class ShiftPublic(_Out):
    """A roster shift."""

    id: uuid.UUID
    staff_id: uuid.UUID
    staff_name: str = ""
    area: str
    office_id: uuid.UUID | None
    phone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    created_by: str


class EmergencyIn(_In):
    """One thing authorized on call: emergency shelter (nights), food or transport, paid through money
    within the on-call worker's authority (beyond it, it waits for a second person)."""

    kind: str
    amount: Cents
    payee_id: uuid.UUID
    method: str = "voucher"
    nights: int | None = None
    program: str = Field(default="", max_length=64)


class AfterHoursCreate(_In):
    """A contact taken on call, logged against the person, with what was authorized."""

    person_id: uuid.UUID
    unit_id: uuid.UUID | None = None
    received_at: dt.datetime
    summary: str = Field(max_length=8000)
    program: str = Field(default="nl.income_support", max_length=64)
    authorized: list[EmergencyIn] = Field(default_factory=list, max_length=5)


class EmergencyPublic(_Out):
    """What was authorized and where the payment is in money."""

    kind: str
    amount_cents: int
    nights: int | None
    issuance_id: uuid.UUID
    state: str = ""


class AfterHoursPublic(_Out):
    """A contact taken on call."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str = ""
    shift_id: uuid.UUID | None
    received_at: dt.datetime
    summary: str
    interaction_id: uuid.UUID
    handover_task_id: uuid.UUID
    handover_due: dt.date | None = None
    recorded_by: str
    items: list[EmergencyPublic] = Field(default_factory=list)
