"""Queries for screening interviews (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop.cases.screenings.errors import ScreeningNotFound
from onestop.cases.screenings.models import ScreeningSession, ScreeningStep


class ScreeningRepository:
    """Sessions by id and person; their steps in order."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: ScreeningSession | ScreeningStep) -> None:
        """Stage a new row."""
        self.session.add(row)

    def get(self, session_id: uuid.UUID) -> ScreeningSession:
        """The session; raises ScreeningNotFound."""
        row = self.session.get(ScreeningSession, session_id)
        if row is None:
            raise ScreeningNotFound(f"no screening interview with id {session_id}")
        return row

    def steps(self, session_id: uuid.UUID) -> list[ScreeningStep]:
        """The steps, oldest first."""
        stmt = select(ScreeningStep).where(ScreeningStep.session_id == session_id)
        return list(self.session.scalars(stmt.order_by(ScreeningStep.seq)))

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[ScreeningSession]:
        """Sessions linked to these people, newest first."""
        stmt = select(ScreeningSession).where(ScreeningSession.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(ScreeningSession.created_at.desc())))
