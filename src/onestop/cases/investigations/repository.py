"""Queries for investigations (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from onestop.cases.applications import Application
from onestop.cases.documents import Document
from onestop.cases.investigations.errors import InvestigationNotFound
from onestop.cases.investigations.models import Investigation, InvestigationEvidence, InvestigationInterview
from onestop.db import Repository
from onestop.registry import PersonAddress


class InvestigationRepository(Repository[Investigation | InvestigationEvidence | InvestigationInterview]):
    """Investigations with their evidence and interviews."""

    def where(self, person_id: uuid.UUID, application_id: uuid.UUID | None) -> tuple[str | None, list[str]]:
        """What decides the jurisdiction: the application's, and the provinces of the person's addresses."""
        jurisdiction = None
        if application_id is not None:
            jurisdiction = self.session.scalar(
                select(Application.jurisdiction).where(Application.id == application_id)
            )
        stmt = select(PersonAddress.province).where(
            PersonAddress.person_id == person_id, PersonAddress.removed_at.is_(None)
        )
        return jurisdiction, list(self.session.scalars(stmt.order_by(PersonAddress.id)))

    def get(self, investigation_id: uuid.UUID, *, for_update: bool = False) -> Investigation:
        """The investigation; raises InvestigationNotFound."""
        return self.fetch(
            Investigation, investigation_id, InvestigationNotFound, "investigation", for_update=for_update
        )

    def evidence(self, investigation_id: uuid.UUID) -> list[InvestigationEvidence]:
        """Evidence, oldest first."""
        stmt = select(InvestigationEvidence).where(InvestigationEvidence.investigation_id == investigation_id)
        return list(
            self.session.scalars(stmt.order_by(InvestigationEvidence.added_at, InvestigationEvidence.id))
        )

    def interviews(self, investigation_id: uuid.UUID) -> list[InvestigationInterview]:
        """Interviews, in the order they were held."""
        stmt = select(InvestigationInterview).where(
            InvestigationInterview.investigation_id == investigation_id
        )
        return list(
            self.session.scalars(stmt.order_by(InvestigationInterview.held_at, InvestigationInterview.id))
        )

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[Investigation]:
        """Investigations about these people, newest first."""
        stmt = select(Investigation).where(Investigation.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(Investigation.created_at.desc())))

    def document(self, document_id: uuid.UUID) -> Document | None:
        """A document row."""
        return self.session.get(Document, document_id)
