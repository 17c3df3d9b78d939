"""Queries for screening interviews (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from onestop.cases.screenings.errors import ScreeningNotFound
from onestop.cases.screenings.models import ScreeningSession, ScreeningStep
from onestop.db import Repository


class ScreeningRepository(Repository[ScreeningSession | ScreeningStep]):
    """Sessions by id and person; their steps in order."""

    def get(self, session_id: uuid.UUID) -> ScreeningSession:
        """The session; raises ScreeningNotFound."""
        return self.fetch(ScreeningSession, session_id, ScreeningNotFound, "screening interview")

    def steps(self, session_id: uuid.UUID) -> list[ScreeningStep]:
        """The steps, oldest first."""
        stmt = select(ScreeningStep).where(ScreeningStep.session_id == session_id)
        return list(self.session.scalars(stmt.order_by(ScreeningStep.seq)))

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[ScreeningSession]:
        """Sessions linked to these people, newest first."""
        stmt = select(ScreeningSession).where(ScreeningSession.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(ScreeningSession.created_at.desc())))
