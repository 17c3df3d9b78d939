"""Queries for assessments and plans (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import and_, select

from onestop.cases.plans.errors import PlanNotFound
from onestop.cases.plans.models import OutcomePlan, OutcomePlanRevision, ServiceAssessment
from onestop.db import Repository


class PlanRepository(Repository[object]):
    """Plans with their revisions, and assessments."""

    def get(self, plan_id: uuid.UUID) -> OutcomePlan:
        """The plan's head row; raises PlanNotFound."""
        return self.fetch(OutcomePlan, plan_id, PlanNotFound, "outcome plan")

    def revision(self, plan_id: uuid.UUID, number: int) -> OutcomePlanRevision:
        """One revision; raises PlanNotFound."""
        found = self.session.get(OutcomePlanRevision, (plan_id, number))
        if found is None:
            raise PlanNotFound(f"outcome plan {plan_id} has no revision {number}")
        return found

    def revisions(self, plan_id: uuid.UUID) -> list[OutcomePlanRevision]:
        """Every revision of a plan, oldest first."""
        stmt = select(OutcomePlanRevision).where(OutcomePlanRevision.plan_id == plan_id)
        return list(self.session.scalars(stmt.order_by(OutcomePlanRevision.revision)))

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[tuple[OutcomePlan, OutcomePlanRevision]]:
        """These people's plans with their current revision, newest first (one query)."""
        stmt = (
            select(OutcomePlan, OutcomePlanRevision)
            .join(
                OutcomePlanRevision,
                and_(
                    OutcomePlanRevision.plan_id == OutcomePlan.id,
                    OutcomePlanRevision.revision == OutcomePlan.revision,
                ),
            )
            .where(OutcomePlan.person_id.in_(person_ids))
            .order_by(OutcomePlan.created_at.desc(), OutcomePlan.id)
        )
        return [(p, r) for p, r in self.session.execute(stmt)]

    def assessments_for_people(self, person_ids: Sequence[uuid.UUID]) -> list[ServiceAssessment]:
        """These people's assessments, newest first."""
        stmt = select(ServiceAssessment).where(ServiceAssessment.person_id.in_(person_ids))
        stmt = stmt.order_by(ServiceAssessment.assessed_at.desc(), ServiceAssessment.id)
        return list(self.session.scalars(stmt))
