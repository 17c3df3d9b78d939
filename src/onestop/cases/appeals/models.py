"""The appeal table: filing, hearing, outcome, and the decision that followed.

A partial unique index allows one open appeal per decision.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, JSONDoc, partial_index


class Appeal(Entity):
    """An appeal of a decision."""

    __tablename__ = "appeal"
    __table_args__ = (
        partial_index(
            "uq_appeal_open_decision",
            "decision_id",
            where="status IN ('filed', 'hearing_scheduled')",
            unique=True,
        ),
        Index(None, "person_id", "filed_on"),
        Index(None, "status", "hearing_on"),
    )

    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decision.id"))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    filed_on: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(default=False)
    late_reason: Mapped[str | None] = mapped_column(Text)
    grounds: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    hearing_on: Mapped[dt.date | None] = mapped_column(Date)
    panel: Mapped[list[Any] | None] = mapped_column(JSONDoc)
    hearing_location: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(12))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    resulting_decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(100))
    recorded_by: Mapped[str | None] = mapped_column(String(100))
