"""Queries for reviews (the only SQL of this sub-area)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select

from onestop.cases.reviews.domain import WAITING, ReviewKind, ReviewStatus
from onestop.cases.reviews.errors import ReviewNotFound
from onestop.cases.reviews.models import Review
from onestop.db import Repository


class ReviewRepository(Repository[Review]):
    """Reviews by id, application, person, and those coming due."""

    def get(self, review_id: uuid.UUID, *, for_update: bool = False) -> Review:
        """The review; raises ReviewNotFound."""
        return self.fetch(Review, review_id, ReviewNotFound, "review", for_update=for_update)

    def waiting_periodic(self, application_id: uuid.UUID) -> list[Review]:
        """The application's periodic reviews not yet started."""
        stmt = select(Review).where(
            Review.application_id == application_id,
            Review.kind == ReviewKind.PERIODIC.value,
            Review.status.in_(WAITING),
        )
        return list(self.session.scalars(stmt))

    def coming_due(self, until: dt.date, limit: int = 1000) -> list[Review]:
        """Scheduled reviews due on or before ``until`` (oldest first), locked against a parallel run."""
        stmt = (
            select(Review)
            .where(Review.status == ReviewStatus.SCHEDULED.value, Review.due_on <= until)
            .order_by(Review.due_on, Review.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(self.session.scalars(stmt))

    def listing(
        self,
        *,
        application_id: uuid.UUID | None = None,
        person_ids: Sequence[uuid.UUID] | None = None,
        statuses: Sequence[str] | None = None,
        due_before: dt.date | None = None,
    ) -> list[Review]:
        """Reviews by application, people, status and due date, soonest first."""
        stmt = select(Review)
        if application_id is not None:
            stmt = stmt.where(Review.application_id == application_id)
        if person_ids is not None:
            stmt = stmt.where(Review.person_id.in_(person_ids))
        if statuses:
            stmt = stmt.where(Review.status.in_(statuses))
        if due_before is not None:
            stmt = stmt.where(Review.due_on <= due_before)
        return list(self.session.scalars(stmt.order_by(Review.due_on, Review.created_at).limit(500)))
