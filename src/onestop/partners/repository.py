"""The partners area's only queries."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select

from onestop.db import Repository
from onestop.money import Invoice, Issuance
from onestop.partners.domain import RELEASED_STATES, InstalmentState
from onestop.partners.errors import (
    AttendanceNotFound,
    CallNotFound,
    InquiryNotFound,
    ProjectNotFound,
    ShiftNotFound,
    SponsorNotFound,
    TrainingNotFound,
)
from onestop.partners.models import (
    AfterHoursCall,
    AfterHoursItem,
    AttendanceRecord,
    Inquiry,
    Instalment,
    MonitoringVisit,
    OnCallShift,
    ParticipantAgreement,
    Project,
    ProjectRevision,
    Sponsor,
    SponsorContact,
    Training,
)
from onestop.registry import Person

#: States in which a project's funding is committed against the budget.
COMMITTED_STATES = ("approved", "signed", "closed")


def instalment_state(invoice: Invoice | None, issuance: Issuance | None) -> str:
    """Where an instalment is in money, from its invoice and issuance."""
    if invoice is None:
        return InstalmentState.PAID.value  # recorded as paid before instalments went through money
    if issuance is None:
        return (
            InstalmentState.REJECTED.value if invoice.state == "rejected" else InstalmentState.RECORDED.value
        )
    if issuance.state in ("rejected", "cancelled"):
        return InstalmentState.REJECTED.value
    return InstalmentState(issuance.state).value


class PartnersRepository(Repository[object]):
    """Reads of sponsors, projects and inquiries for one session."""

    def sponsor(self, sponsor_id: uuid.UUID) -> Sponsor:
        """The sponsor; raises SponsorNotFound."""
        return self.fetch(Sponsor, sponsor_id, SponsorNotFound, "sponsor")

    def sponsors(self) -> Sequence[Sponsor]:
        """Every sponsor by name."""
        return self.session.scalars(select(Sponsor).order_by(Sponsor.name)).all()

    def contacts(self, sponsor_id: uuid.UUID) -> Sequence[SponsorContact]:
        """A sponsor's contacts, in the order recorded."""
        query = select(SponsorContact).where(SponsorContact.sponsor_id == sponsor_id)
        return self.session.scalars(query.order_by(SponsorContact.created_at, SponsorContact.name)).all()

    def project(self, project_id: uuid.UUID) -> Project:
        """The project; raises ProjectNotFound."""
        return self.fetch(Project, project_id, ProjectNotFound, "project")

    def projects(self, *, sponsor_id: uuid.UUID | None = None, state: str | None = None) -> Sequence[Project]:
        """Projects, newest start first."""
        query = select(Project)
        if sponsor_id is not None:
            query = query.where(Project.sponsor_id == sponsor_id)
        if state is not None:
            query = query.where(Project.state == state)
        return self.session.scalars(query.order_by(Project.starts_on.desc(), Project.title)).all()

    def revisions(self, project_id: uuid.UUID) -> Sequence[ProjectRevision]:
        """The terms as they changed, oldest first."""
        query = select(ProjectRevision).where(ProjectRevision.project_id == project_id)
        return self.session.scalars(query.order_by(ProjectRevision.number)).all()

    def agreements(self, project_id: uuid.UUID) -> Sequence[tuple[ParticipantAgreement, Person]]:
        """Participant agreements with the person, by start date."""
        query = (
            select(ParticipantAgreement, Person)
            .join(Person, Person.id == ParticipantAgreement.person_id)
            .where(ParticipantAgreement.project_id == project_id)
            .order_by(ParticipantAgreement.starts_on, Person.family_name)
        )
        return [(a, p) for a, p in self.session.execute(query)]

    def instalments(
        self, project_id: uuid.UUID
    ) -> Sequence[tuple[Instalment, Invoice | None, Issuance | None]]:
        """Instalments in order, each with its money invoice and issuance (none before approval)."""
        query = (
            select(Instalment, Invoice, Issuance)
            .outerjoin(Invoice, Invoice.id == Instalment.invoice_id)
            .outerjoin(Issuance, Issuance.id == Invoice.issuance_id)
            .where(Instalment.project_id == project_id)
            .order_by(Instalment.number)
        )
        return [(i, inv, iss) for i, inv, iss in self.session.execute(query)]

    def instalment(self, project_id: uuid.UUID, number: int) -> Instalment | None:
        """One instalment of a project by its number."""
        query = select(Instalment).where(Instalment.project_id == project_id, Instalment.number == number)
        return self.session.scalars(query).first()

    def visits(self, project_id: uuid.UUID) -> Sequence[MonitoringVisit]:
        """Monitoring visits, newest first."""
        query = select(MonitoringVisit).where(MonitoringVisit.project_id == project_id)
        return self.session.scalars(query.order_by(MonitoringVisit.visited_on.desc())).all()

    def paid_cents(self, project_id: uuid.UUID) -> int:
        """What money has paid of the project's instalments (spent)."""
        return sum(
            i.amount_cents
            for i, inv, iss in self.instalments(project_id)
            if instalment_state(inv, iss) == "paid"
        )

    def requested_cents(self, project_id: uuid.UUID) -> int:
        """What the project's instalments ask of the approved funding (all but the rejected ones)."""
        return sum(
            i.amount_cents
            for i, inv, iss in self.instalments(project_id)
            if instalment_state(inv, iss) not in RELEASED_STATES
        )

    def commitments(self, fiscal_year: int) -> Sequence[Any]:
        """(program, office, projects, committed, paid) of approved projects of a fiscal year; paid is
        what money has paid of their instalments."""
        paid = (
            select(Instalment.project_id, func.sum(Instalment.amount_cents).label("paid"))
            .outerjoin(Invoice, Invoice.id == Instalment.invoice_id)
            .outerjoin(Issuance, Issuance.id == Invoice.issuance_id)
            .where(or_(Instalment.invoice_id.is_(None), Issuance.state == "paid"))
            .group_by(Instalment.project_id)
            .subquery()
        )
        query = (
            select(
                Project.program,
                Project.office_id,
                func.count(Project.id),
                func.sum(Project.funding_cents),
                func.sum(func.coalesce(paid.c.paid, 0)),
            )
            .outerjoin(paid, paid.c.project_id == Project.id)
            .where(Project.fiscal_year == fiscal_year, Project.state.in_(COMMITTED_STATES))
            .group_by(Project.program, Project.office_id)
            .order_by(Project.program)
        )
        return self.session.execute(query).all()

    def person_name(self, person_id: uuid.UUID) -> str:
        """The person's name as staff read it."""
        person = self.session.get(Person, person_id)
        if person is None:
            return ""
        return f"{person.preferred_name or person.given_names} {person.family_name}".strip()

    def inquiry(self, inquiry_id: uuid.UUID) -> Inquiry:
        """The inquiry; raises InquiryNotFound."""
        return self.fetch(Inquiry, inquiry_id, InquiryNotFound, "inquiry")

    def open_inquiries(self) -> Sequence[Inquiry]:
        """Open inquiries, the nearest deadline first."""
        query = select(Inquiry).where(Inquiry.state == "open")
        return self.session.scalars(query.order_by(Inquiry.respond_by, Inquiry.received_on)).all()

    def inquiries_of(self, person_ids: Sequence[uuid.UUID]) -> Sequence[Inquiry]:
        """A person's inquiries (over merged records), newest first."""
        query = select(Inquiry).where(Inquiry.person_id.in_(person_ids))
        return self.session.scalars(query.order_by(Inquiry.received_on.desc())).all()

    def training(self, training_id: uuid.UUID) -> Training:
        """The training; raises TrainingNotFound."""
        return self.fetch(Training, training_id, TrainingNotFound, "training")

    def trainings_of(self, person_ids: Sequence[uuid.UUID]) -> Sequence[Training]:
        """A person's training (over merged records), newest start first."""
        query = select(Training).where(Training.person_id.in_(person_ids))
        return self.session.scalars(query.order_by(Training.starts_on.desc(), Training.created_at)).all()

    def trainings_waiting(self) -> Sequence[Training]:
        """Trainings with a flagged term not yet confirmed or excused, the oldest received first."""
        waiting = (
            select(AttendanceRecord.training_id, func.min(AttendanceRecord.received_on).label("first"))
            .where(AttendanceRecord.flagged.is_(True), AttendanceRecord.outcome.is_(None))
            .group_by(AttendanceRecord.training_id)
            .subquery()
        )
        query = select(Training).join(waiting, waiting.c.training_id == Training.id)
        return self.session.scalars(query.order_by(waiting.c.first, Training.id)).all()

    def attendance(self, training_id: uuid.UUID) -> Sequence[AttendanceRecord]:
        """A training's terms, the newest first."""
        query = select(AttendanceRecord).where(AttendanceRecord.training_id == training_id)
        return self.session.scalars(query.order_by(AttendanceRecord.period_start.desc())).all()

    def attendance_record(self, attendance_id: uuid.UUID) -> AttendanceRecord:
        """One term's attendance; raises AttendanceNotFound."""
        return self.fetch(AttendanceRecord, attendance_id, AttendanceNotFound, "attendance record")

    def shift(self, shift_id: uuid.UUID) -> OnCallShift:
        """The shift; raises ShiftNotFound."""
        return self.fetch(OnCallShift, shift_id, ShiftNotFound, "on-call shift")

    def shifts(self, *, ending_after: dt.datetime, starting_before: dt.datetime) -> Sequence[OnCallShift]:
        """Shifts that overlap a period, by start."""
        query = select(OnCallShift).where(
            OnCallShift.ends_at > ending_after, OnCallShift.starts_at < starting_before
        )
        return self.session.scalars(query.order_by(OnCallShift.starts_at, OnCallShift.area)).all()

    def shift_of(self, staff_id: uuid.UUID, at: dt.datetime) -> OnCallShift | None:
        """The staff member's shift at a moment, if they are on call then."""
        query = select(OnCallShift).where(
            OnCallShift.staff_id == staff_id, OnCallShift.starts_at <= at, OnCallShift.ends_at > at
        )
        return self.session.scalars(query.order_by(OnCallShift.starts_at)).first()

    def call(self, call_id: uuid.UUID) -> AfterHoursCall:
        """The contact taken on call; raises CallNotFound."""
        return self.fetch(AfterHoursCall, call_id, CallNotFound, "after-hours contact")

    def calls(
        self, *, person_ids: Sequence[uuid.UUID] | None = None, limit: int = 100
    ) -> Sequence[AfterHoursCall]:
        """Contacts taken on call (of a person, over merged records), newest first."""
        query = select(AfterHoursCall)
        if person_ids is not None:
            query = query.where(AfterHoursCall.person_id.in_(person_ids))
        return self.session.scalars(query.order_by(AfterHoursCall.received_at.desc()).limit(limit)).all()

    def call_items(self, call_id: uuid.UUID) -> Sequence[tuple[AfterHoursItem, str]]:
        """What was authorized on a call, each with its issuance's state in money."""
        query = (
            select(AfterHoursItem, Issuance.state)
            .join(Issuance, Issuance.id == AfterHoursItem.issuance_id)
            .where(AfterHoursItem.call_id == call_id)
            .order_by(AfterHoursItem.created_at, AfterHoursItem.kind)
        )
        return [(item, state) for item, state in self.session.execute(query)]
