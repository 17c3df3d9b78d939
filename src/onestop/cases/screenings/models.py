"""Tables of screening interviews: a session, and its append-only steps.

Appending a step bumps the session's version, so two officers answering the same interview at the
same moment cannot both write step n: one of them is told to reload (409).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onestop.common.ids import new_id
from onestop.db import Base, Entity, JSONDoc


class ScreeningSession(Entity):
    """One screening interview, anonymous until linked to a person."""

    __tablename__ = "screening_session"
    __table_args__ = (Index(None, "person_id", "created_at"), Index(None, "created_by_id", "status"))

    jurisdiction: Mapped[str] = mapped_column(String(10))
    programs: Mapped[list[str] | None] = mapped_column(JSONDoc)  # None: every program of the pack
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(12))
    steps: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(100))
    created_by_id: Mapped[uuid.UUID | None]
    linked_by: Mapped[str | None] = mapped_column(String(100))
    linked_at: Mapped[dt.datetime | None]
    completed_by: Mapped[str | None] = mapped_column(String(100))
    completed_at: Mapped[dt.datetime | None]


class ScreeningStep(Base):
    """What was asked, what was answered, and what the screener said then. Never changed."""

    __tablename__ = "screening_step"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("screening_session.id"))
    seq: Mapped[int] = mapped_column(Integer)
    asked: Mapped[list[str]] = mapped_column(JSONDoc)
    answers: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    result: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    rules_version: Mapped[str] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(String(4000))
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime]
