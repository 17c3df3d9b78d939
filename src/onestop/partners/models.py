"""Tables of sponsors, their projects (with revisions, participants, instalments and visits),
elected members' inquiries, clients' training with its attendance, and the after-hours on-call roster
with the contacts taken on call."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity


class Sponsor(Entity):
    """An organization or community that runs labour-market projects; paid as a money vendor payee."""

    __tablename__ = "partner_sponsor"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(Text)
    payee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_payee.id"))
    created_by: Mapped[str] = mapped_column(String(100))


class SponsorContact(Entity):
    """A person to call at a sponsor."""

    __tablename__ = "partner_sponsor_contact"

    sponsor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_sponsor.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))


class Project(Entity):
    """A sponsor's project, from proposal to closing; ``funding_cents`` and ``participants`` are the
    current (negotiated) terms, each change kept as a ``ProjectRevision``."""

    __tablename__ = "partner_project"
    __table_args__ = (Index(None, "program", "office_id", "fiscal_year"),)

    sponsor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_sponsor.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    program: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    activities: Mapped[str] = mapped_column(Text)
    participants: Mapped[int]
    funding_cents: Mapped[int] = mapped_column(BigInteger)
    hr_asked: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    fiscal_year: Mapped[int]
    state: Mapped[str] = mapped_column(String(20), index=True)
    proposed_by: Mapped[str] = mapped_column(String(100))
    recommendation: Mapped[str | None] = mapped_column(Text)
    recommended_by: Mapped[str | None] = mapped_column(String(100))
    recommended_at: Mapped[dt.datetime | None]
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[dt.datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(100))
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    results: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


class ProjectRevision(Entity):
    """The terms as proposed or changed in negotiation (append-only: one row per change)."""

    __tablename__ = "partner_project_revision"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_project.id"), index=True)
    number: Mapped[int]
    funding_cents: Mapped[int] = mapped_column(BigInteger)
    participants: Mapped[int]
    note: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))


class ParticipantAgreement(Entity):
    """The agreement between the sponsor and one participant (a registry person), with the placement."""

    __tablename__ = "partner_participant"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_project.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    placement: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str] = mapped_column(String(100))


class Instalment(Entity):
    """One payment of the approved funding to the sponsor: a money invoice for the sponsor's vendor
    payee (no benefit unit), recorded by one person and approved by another within authority, then
    paid in a batch. Its state is read from money (the invoice and its issuance)."""

    __tablename__ = "partner_instalment"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_project.id"), index=True)
    number: Mapped[int]
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    #: The day money pays it (the issuance's pay date once approved).
    pay_date: Mapped[dt.date] = mapped_column(Date)
    #: The money invoice; none only for instalments recorded before payment went through money.
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_invoice.id"))
    fiscal_year: Mapped[int]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))


class MonitoringVisit(Entity):
    """A monitoring visit or report on a project, with what was found."""

    __tablename__ = "partner_visit"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_project.id"), index=True)
    visited_on: Mapped[dt.date] = mapped_column(Date)
    findings: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))


class Inquiry(Entity):
    """An MHA's or MLA's office asking about a client's file: who asked, for whom, the consent, the
    deadline and the answer."""

    __tablename__ = "partner_inquiry"
    __table_args__ = (Index(None, "state", "respond_by"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    member_office: Mapped[str] = mapped_column(String(10))
    member_name: Mapped[str] = mapped_column(String(200))
    asked_by: Mapped[str] = mapped_column(String(200))
    on_behalf_of: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    received_on: Mapped[dt.date] = mapped_column(Date)
    respond_by: Mapped[dt.date] = mapped_column(Date)
    consent_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_note: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12))
    opened_by: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str | None] = mapped_column(Text)
    disclosed: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answered_on: Mapped[dt.date | None] = mapped_column(Date)


class Training(Entity):
    """A client in post-secondary studies or a short course, with the tuition and supports approved."""

    __tablename__ = "partner_training"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    institution: Mapped[str] = mapped_column(String(200))
    program_name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    tuition_cents: Mapped[int] = mapped_column(BigInteger)
    supports_cents: Mapped[int] = mapped_column(BigInteger)
    supports_note: Mapped[str | None] = mapped_column(Text)
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    created_by: Mapped[str] = mapped_column(String(100))


class AttendanceRecord(Entity):
    """The attendance the school reported for one term, as reviewed by the officer; missed beyond the
    rule raises a task, and the officer either confirms it (a change in circumstances) or excuses it."""

    __tablename__ = "partner_attendance"

    training_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_training.id"), index=True)
    term: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    scheduled_days: Mapped[int]
    attended_days: Mapped[int]
    received_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str] = mapped_column(String(100))
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    task_id: Mapped[uuid.UUID | None]
    outcome: Mapped[str | None] = mapped_column(String(12))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    outcome_by: Mapped[str | None] = mapped_column(String(100))
    review_id: Mapped[uuid.UUID | None]


class OnCallShift(Entity):
    """Who is on call after hours, when, for which area, and at what phone number."""

    __tablename__ = "partner_oncall_shift"
    __table_args__ = (Index(None, "starts_at", "ends_at"),)

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    area: Mapped[str] = mapped_column(String(100))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    phone: Mapped[str] = mapped_column(String(40))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(100))


class AfterHoursCall(Entity):
    """A contact taken on call, logged against the person (an interaction), with a handover task for
    the person's worker on the next business day."""

    __tablename__ = "partner_afterhours_call"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    shift_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partner_oncall_shift.id"), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    summary: Mapped[str] = mapped_column(Text)
    interaction_id: Mapped[uuid.UUID]
    handover_task_id: Mapped[uuid.UUID]
    recorded_by: Mapped[str] = mapped_column(String(100))


class AfterHoursItem(Entity):
    """What was authorized on call (emergency shelter, food, transport): a money issuance, within the
    on-call worker's authority or waiting for a second person's approval."""

    __tablename__ = "partner_afterhours_item"

    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partner_afterhours_call.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    nights: Mapped[int | None]
    issuance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_issuance.id"))
