"""The review table: periodic reviews, reported changes and reassessments after an investigation.

A partial unique index allows one waiting periodic review per application, so a job that runs twice
(or two decisions at once) cannot schedule it twice.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, partial_index


class Review(Entity):
    """A look at a case again, and the decision it led to."""

    __tablename__ = "case_review"
    __table_args__ = (
        partial_index(
            "uq_case_review_waiting_periodic",
            "application_id",
            where="kind = 'periodic' AND status IN ('scheduled', 'due')",
            unique=True,
        ),
        Index(None, "status", "due_on"),
        Index(None, "person_id", "due_on"),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"))
    program: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str | None] = mapped_column(String(20))  # a reported change: income, household...
    description: Mapped[str | None] = mapped_column(Text)
    reported_on: Mapped[dt.date | None] = mapped_column(Date)
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_id: Mapped[uuid.UUID | None]
    task_id: Mapped[uuid.UUID | None]
    result: Mapped[str | None] = mapped_column(String(12))
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    created_by: Mapped[str] = mapped_column(String(100))
    completed_by: Mapped[str | None] = mapped_column(String(100))
    completed_at: Mapped[dt.datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
