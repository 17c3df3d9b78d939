"""Queries for appeals (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from onestop.cases.appeals.domain import OPEN
from onestop.cases.appeals.errors import AppealNotFound
from onestop.cases.appeals.models import Appeal
from onestop.db import Repository


class AppealRepository(Repository[Appeal]):
    """Appeals by id, decision and person."""

    def get(self, appeal_id: uuid.UUID, *, for_update: bool = False) -> Appeal:
        """The appeal; raises AppealNotFound."""
        return self.fetch(Appeal, appeal_id, AppealNotFound, "appeal", for_update=for_update)

    def open_for_decision(self, decision_id: uuid.UUID) -> Appeal | None:
        """The decision's appeal still in progress, if any."""
        stmt = select(Appeal).where(Appeal.decision_id == decision_id, Appeal.status.in_(OPEN))
        return self.session.scalars(stmt).first()

    def for_people(self, person_ids: Sequence[uuid.UUID], *, open_only: bool = False) -> list[Appeal]:
        """Appeals by these people, newest first."""
        stmt = select(Appeal).where(Appeal.person_id.in_(person_ids))
        if open_only:
            stmt = stmt.where(Appeal.status.in_(OPEN))
        return list(self.session.scalars(stmt.order_by(Appeal.filed_on.desc(), Appeal.created_at.desc())))
