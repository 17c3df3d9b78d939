"""Tables of applications and the facts of their case.

A fact is one value of the case (``unit.liquid_assets``, ``people[<id>].monthly_other_income``) with
its source and verification. A changed value is a new row; the old one is kept with ``replaced_at``,
and a partial unique index allows one current value per path.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, JSONDoc, partial_index


class Application(Entity):
    """An application for one program by one benefit unit."""

    __tablename__ = "application"
    __table_args__ = (
        Index(None, "unit_id", "program", "status"),
        Index(None, "applicant_id", "created_at"),
        Index(None, "status", "received_on"),
    )

    program: Mapped[str] = mapped_column(String(64))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("benefit_unit.id"))
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    status_changed_at: Mapped[dt.datetime]
    status_reason: Mapped[str | None] = mapped_column(Text)  # why withdrawn or reopened
    screening_session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("screening_session.id"))
    created_by: Mapped[str] = mapped_column(String(100))
    created_by_id: Mapped[uuid.UUID | None]


class ApplicationFact(Entity):
    """One value of an application's case, who gave it, and the document that verified it."""

    __tablename__ = "application_fact"
    __table_args__ = (
        partial_index(
            "uq_application_fact_current_path",
            "application_id",
            "path",
            where="replaced_at IS NULL",
            unique=True,
        ),
        Index(None, "document_id"),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"))
    path: Mapped[str] = mapped_column(String(200))
    value: Mapped[Any] = mapped_column(JSONDoc)
    source: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))
    verified: Mapped[bool] = mapped_column(default=False)
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("document.id"))
    verified_by: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[dt.datetime | None]
    replaced_at: Mapped[dt.datetime | None]
    replaced_by: Mapped[str | None] = mapped_column(String(100))
