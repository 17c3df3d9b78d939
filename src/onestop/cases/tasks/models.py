"""Tables of tasks and caseloads.

``caseload_assignment`` keeps the dated history of who was each person's primary worker; a partial
unique index allows one current assignment per person, so two officers cannot both take the same
client at the same moment.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, partial_index


class Task(Entity):
    """Work with a due date, for an officer (``assignee_id``) or a team (``office_id``)."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint("assignee_id IS NOT NULL OR office_id IS NOT NULL", name="assigned"),
        Index(None, "assignee_id", "status", "due_on"),
        Index(None, "office_id", "status", "due_on"),
        Index(None, "person_id", "status", "due_on"),
    )

    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(12), default="open")
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    # What created it, e.g. ("interaction", id) or ("referral", id); no FK, sources live in several tables.
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_id: Mapped[uuid.UUID | None]
    created_by: Mapped[str] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(100))
    close_note: Mapped[str | None] = mapped_column(Text)


class CaseloadAssignment(Entity):
    """A person's primary worker from ``started_on`` until ``ended_on`` (open while current)."""

    __tablename__ = "caseload_assignment"
    __table_args__ = (
        partial_index(
            "uq_caseload_assignment_current_person", "person_id", where="ended_on IS NULL", unique=True
        ),
        Index(None, "staff_id", "ended_on"),
        Index(None, "person_id", "started_on"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    assigned_by: Mapped[str] = mapped_column(String(100))
    ended_by: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
