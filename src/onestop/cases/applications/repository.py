"""Queries for applications and their facts (the only SQL of this sub-area)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from onestop.cases.applications.casedata import Member
from onestop.cases.applications.checklist import KnownDocument
from onestop.cases.applications.errors import ApplicationNotFound
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.documents import Document
from onestop.cases.tasks import CaseloadAssignment
from onestop.db import Repository
from onestop.registry import BenefitUnit, Person, UnitMembership


class ApplicationRepository(Repository[Application | ApplicationFact]):
    """Applications by id, unit and person; their current facts; the unit's members and documents."""

    def get(self, application_id: uuid.UUID, *, for_update: bool = False) -> Application:
        """The application; raises ApplicationNotFound."""
        return self.fetch(
            Application, application_id, ApplicationNotFound, "application", for_update=for_update
        )

    def is_for(self, application_id: uuid.UUID, person_id: uuid.UUID) -> bool:
        """Whether the application exists and the person is (or was) in its benefit unit."""
        member = exists().where(
            UnitMembership.unit_id == Application.unit_id, UnitMembership.person_id == person_id
        )
        stmt = select(Application.id).where(Application.id == application_id, member)
        return self.session.scalar(stmt) is not None

    def unit_exists(self, unit_id: uuid.UUID) -> bool:
        """Whether the benefit unit exists."""
        return self.session.get(BenefitUnit, unit_id) is not None

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[Application]:
        """Applications of units these people belong (or belonged) to, newest first."""
        units = select(UnitMembership.unit_id).where(UnitMembership.person_id.in_(person_ids))
        stmt = select(Application).where(
            or_(Application.applicant_id.in_(person_ids), Application.unit_id.in_(units))
        )
        return list(self.session.scalars(stmt.order_by(Application.created_at.desc(), Application.id)))

    def for_unit(self, unit_id: uuid.UUID, program: str | None = None) -> list[Application]:
        """A unit's applications (optionally for one program), newest first."""
        stmt = select(Application).where(Application.unit_id == unit_id)
        if program is not None:
            stmt = stmt.where(Application.program == program)
        return list(self.session.scalars(stmt.order_by(Application.created_at.desc(), Application.id)))

    def current_facts(self, application_id: uuid.UUID) -> list[ApplicationFact]:
        """The facts in force (not replaced), by path."""
        stmt = select(ApplicationFact).where(
            ApplicationFact.application_id == application_id, ApplicationFact.replaced_at.is_(None)
        )
        return list(self.session.scalars(stmt.order_by(ApplicationFact.path)))

    def fact_history(self, application_id: uuid.UUID) -> list[ApplicationFact]:
        """Every value ever recorded, oldest first (at the same instant, the replaced one first)."""
        stmt = select(ApplicationFact).where(ApplicationFact.application_id == application_id)
        order = (ApplicationFact.created_at, ApplicationFact.replaced_at.is_(None), ApplicationFact.id)
        return list(self.session.scalars(stmt.order_by(*order)))

    def current_fact(self, application_id: uuid.UUID, path: str) -> ApplicationFact | None:
        """The fact in force at a path."""
        stmt = select(ApplicationFact).where(
            ApplicationFact.application_id == application_id,
            ApplicationFact.path == path,
            ApplicationFact.replaced_at.is_(None),
        )
        return self.session.scalars(stmt).first()

    def members(self, unit_id: uuid.UUID, on: dt.date) -> list[Member]:
        """The unit's members on a date, with birth dates and a verified identity document if any."""
        stmt = (
            select(UnitMembership.person_id, UnitMembership.role, Person.birth_date)
            .join(Person, Person.id == UnitMembership.person_id)
            .where(
                UnitMembership.unit_id == unit_id,
                UnitMembership.joined_on <= on,
                or_(UnitMembership.left_on.is_(None), UnitMembership.left_on > on),
            )
            .order_by(UnitMembership.joined_on, UnitMembership.person_id)
        )
        rows = list(self.session.execute(stmt))
        ids = self._verified_identity([r.person_id for r in rows])
        return [Member(r.person_id, r.role, r.birth_date, ids.get(r.person_id)) for r in rows]

    def _verified_identity(self, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
        stmt = (
            select(Document.person_id, Document.id)
            .where(
                Document.person_id.in_(person_ids),
                Document.doc_type == "identity",
                Document.status == "verified",
            )
            .order_by(Document.reviewed_at, Document.id)
        )
        return {row[0]: row[1] for row in self.session.execute(stmt)}

    def documents(self, application_id: uuid.UUID, person_ids: Sequence[uuid.UUID]) -> list[KnownDocument]:
        """Documents of these people that belong to this application or to no application."""
        stmt = select(Document).where(
            Document.person_id.in_(person_ids),
            or_(Document.application_id.is_(None), Document.application_id == application_id),
        )
        rows = self.session.scalars(stmt.order_by(Document.created_at, Document.id))
        return [KnownDocument(d.id, d.person_id, d.doc_type, d.status) for d in rows]

    def document(self, document_id: uuid.UUID) -> Document | None:
        """One document row."""
        return self.session.get(Document, document_id)

    def caseload_people(self, staff_id: uuid.UUID) -> set[uuid.UUID]:
        """The people whose current primary worker is this officer."""
        return set(self.session.scalars(_caseload(staff_id)))

    def caseload_applications(self, staff_id: uuid.UUID) -> list[tuple[Application, str, str]]:
        """Applications made by people on the officer's caseload, oldest first, with the applicant's name."""
        stmt = (
            select(Application, Person.family_name, Person.given_names)
            .join(Person, Person.id == Application.applicant_id)
            .where(Application.applicant_id.in_(_caseload(staff_id)))
            .order_by(Application.received_on, Application.status_changed_at, Application.id)
        )
        return [(a, f, g) for a, f, g in self.session.execute(stmt)]

    def documents_to_check(self, application_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many documents of each application are received and not yet verified or rejected."""
        if not application_ids:
            return {}
        stmt = (
            select(Document.application_id, func.count())
            .where(Document.application_id.in_(application_ids), Document.status == "received")
            .group_by(Document.application_id)
        )
        return {aid: int(n) for aid, n in self.session.execute(stmt) if aid is not None}


def _caseload(staff_id: uuid.UUID) -> Select[uuid.UUID]:
    return select(CaseloadAssignment.person_id).where(
        CaseloadAssignment.staff_id == staff_id, CaseloadAssignment.ended_on.is_(None)
    )


def application_is_for(session: Session, application_id: uuid.UUID, person_id: uuid.UUID) -> bool:
    """Whether the application exists and the person is (or was) in its benefit unit (for documents)."""
    return ApplicationRepository(session).is_for(application_id, person_id)
