"""Tables of service-level assessments and outcome plans.

A plan is a head row (status, current revision, optimistic-lock version) and one append-only row per
revision holding the whole content, so every earlier version of the plan can be shown or printed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc


class ServiceAssessment(Entity):
    """An officer's assessment of the level of service a person needs in one program."""

    __tablename__ = "service_assessment"
    __table_args__ = (Index(None, "person_id", "program_id", "assessed_at"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("benefit_unit.id"))
    program_id: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(30))
    criteria: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    rationale: Mapped[str] = mapped_column(Text)
    assessed_by: Mapped[str] = mapped_column(String(100))
    assessed_at: Mapped[dt.datetime]


class OutcomePlan(Entity):
    """An outcome plan for a person (optionally their unit); its content lives in its revisions."""

    __tablename__ = "outcome_plan"
    __table_args__ = (Index(None, "person_id", "status"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("benefit_unit.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="active")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(100))


class OutcomePlanRevision(Base):
    """One version of a plan's content (append-only)."""

    __tablename__ = "outcome_plan_revision"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outcome_plan.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    content: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    change: Mapped[str] = mapped_column(String(20))  # create, revise, review, action_status, close
    note: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[dt.datetime]
