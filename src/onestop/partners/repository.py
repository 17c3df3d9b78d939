"""The partners area's only queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from onestop.money.models import Invoice, Issuance
from onestop.partners.domain import RELEASED_STATES, InstalmentState
from onestop.partners.errors import InquiryNotFound, ProjectNotFound, SponsorNotFound
from onestop.partners.models import (
    Inquiry,
    Instalment,
    MonitoringVisit,
    ParticipantAgreement,
    Project,
    ProjectRevision,
    Sponsor,
    SponsorContact,
)
from onestop.registry.models import Person

#: States in which a project's funding is committed against the budget.
COMMITTED_STATES = ("approved", "signed", "closed")


def instalment_state(invoice: Invoice | None, issuance: Issuance | None) -> str:
    """Where an instalment is in money, from its invoice and issuance."""
    if invoice is None:
        return InstalmentState.PAID.value  # recorded as paid before instalments went through money
    if issuance is None:
        return InstalmentState.REJECTED.value if invoice.state == "rejected" else InstalmentState.RECORDED.value
    if issuance.state in ("rejected", "cancelled"):
        return InstalmentState.REJECTED.value
    return InstalmentState(issuance.state).value


class PartnersRepository:
    """Reads of sponsors, projects and inquiries for one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def sponsor(self, sponsor_id: uuid.UUID) -> Sponsor:
        """The sponsor; raises SponsorNotFound."""
        found = self.session.get(Sponsor, sponsor_id)
        if found is None:
            raise SponsorNotFound(f"no sponsor with id {sponsor_id}")
        return found

    def sponsors(self) -> Sequence[Sponsor]:
        """Every sponsor by name."""
        return self.session.scalars(select(Sponsor).order_by(Sponsor.name)).all()

    def contacts(self, sponsor_id: uuid.UUID) -> Sequence[SponsorContact]:
        """A sponsor's contacts, in the order recorded."""
        query = select(SponsorContact).where(SponsorContact.sponsor_id == sponsor_id)
        return self.session.scalars(query.order_by(SponsorContact.created_at, SponsorContact.name)).all()

    def project(self, project_id: uuid.UUID) -> Project:
        """The project; raises ProjectNotFound."""
        found = self.session.get(Project, project_id)
        if found is None:
            raise ProjectNotFound(f"no project with id {project_id}")
        return found

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

    def instalments(self, project_id: uuid.UUID) -> Sequence[tuple[Instalment, Invoice | None, Issuance | None]]:
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
        return sum(i.amount_cents for i, inv, iss in self.instalments(project_id) if instalment_state(inv, iss) == "paid")

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
        found = self.session.get(Inquiry, inquiry_id)
        if found is None:
            raise InquiryNotFound(f"no inquiry with id {inquiry_id}")
        return found

    def open_inquiries(self) -> Sequence[Inquiry]:
        """Open inquiries, the nearest deadline first."""
        query = select(Inquiry).where(Inquiry.state == "open")
        return self.session.scalars(query.order_by(Inquiry.respond_by, Inquiry.received_on)).all()

    def inquiries_of(self, person_ids: Sequence[uuid.UUID]) -> Sequence[Inquiry]:
        """A person's inquiries (over merged records), newest first."""
        query = select(Inquiry).where(Inquiry.person_id.in_(person_ids))
        return self.session.scalars(query.order_by(Inquiry.received_on.desc())).all()
