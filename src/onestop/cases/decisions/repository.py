"""Queries for decisions and override requests (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select

from onestop.cases.decisions.errors import DecisionNotFound, OverrideRequestNotFound
from onestop.cases.decisions.models import Decision, OverrideRequest
from onestop.db import Repository
from onestop.registry import Person


class DecisionRepository(Repository[Decision | OverrideRequest]):
    """Decisions by id and application; the current one; pending override requests."""

    def get(self, decision_id: uuid.UUID) -> Decision:
        """The decision; raises DecisionNotFound."""
        return self.fetch(Decision, decision_id, DecisionNotFound, "decision")

    def current(self, application_id: uuid.UUID) -> Decision | None:
        """The decision in force for an application (the one nothing supersedes)."""
        stmt = select(Decision).where(
            Decision.application_id == application_id, Decision.superseded_at.is_(None)
        )
        return self.session.scalars(stmt).first()

    def next_seq(self, application_id: uuid.UUID) -> int:
        """The number of the application's next decision."""
        stmt = select(func.coalesce(func.max(Decision.seq), 0)).where(
            Decision.application_id == application_id
        )
        return int(self.session.scalar(stmt) or 0) + 1

    def for_application(self, application_id: uuid.UUID) -> list[Decision]:
        """Every decision of an application, newest first."""
        stmt = select(Decision).where(Decision.application_id == application_id)
        return list(self.session.scalars(stmt.order_by(Decision.seq.desc())))

    def current_for_people(self, person_ids: Sequence[uuid.UUID]) -> list[Decision]:
        """Decisions in force for applications these people made, newest first."""
        stmt = select(Decision).where(Decision.applicant_id.in_(person_ids), Decision.superseded_at.is_(None))
        return list(self.session.scalars(stmt.order_by(Decision.decided_at.desc())))

    def get_request(self, request_id: uuid.UUID, *, for_update: bool = False) -> OverrideRequest:
        """The override request; raises OverrideRequestNotFound."""
        return self.fetch(
            OverrideRequest, request_id, OverrideRequestNotFound, "override request", for_update=for_update
        )

    def pending_request(self, application_id: uuid.UUID) -> OverrideRequest | None:
        """The application's override waiting for approval, if any."""
        stmt = select(OverrideRequest).where(
            OverrideRequest.application_id == application_id, OverrideRequest.status == "pending"
        )
        return self.session.scalars(stmt).first()

    def pending_requests(self, office_id: uuid.UUID | None) -> list[OverrideRequest]:
        """Overrides waiting for a supervisor (of one office, or all), oldest first."""
        stmt = select(OverrideRequest).where(OverrideRequest.status == "pending")
        if office_id is not None:
            stmt = stmt.where(OverrideRequest.office_id == office_id)
        return list(self.session.scalars(stmt.order_by(OverrideRequest.created_at)))

    def person_name(self, person_id: uuid.UUID) -> str:
        """A person's name as a payee is written."""
        person = self.session.get(Person, person_id)
        if person is None:
            return str(person_id)
        return " ".join(p for p in (person.given_names, person.family_name) if p) or str(person_id)
