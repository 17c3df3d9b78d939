"""Tables of referrals and case conferences."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc

_TO_SPECIALIST = text("specialist_id IS NOT NULL")


class Referral(Entity):
    """A referral of a person to a program specialist or an external agency."""

    __tablename__ = "referral"
    __table_args__ = (
        Index(None, "person_id", "created_at"),
        # Partial: most referrals go to agencies, not named specialists (see documents.models).
        Index(None, "specialist_id", "status", sqlite_where=_TO_SPECIALIST, postgresql_where=_TO_SPECIALIST),
        Index(None, "target_id", "status"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(10))
    target_id: Mapped[str] = mapped_column(String(60))  # catalogue id, e.g. "ext.ei"
    target_name: Mapped[str] = mapped_column(String(200))  # as given
    specialist_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    shared_categories: Mapped[list[str]] = mapped_column(JSONDoc)
    consent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person_consent.id"))
    status: Mapped[str] = mapped_column(String(12), default="sent")
    referred_by: Mapped[str] = mapped_column(String(100))
    follow_up_task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("task.id"))
    responded_at: Mapped[dt.datetime | None]
    responded_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(100))
    response_note: Mapped[str | None] = mapped_column(Text)  # the decline reason or the outcome


class CaseConference(Entity):
    """A meeting about a person's case: who took part, notes and decisions."""

    __tablename__ = "case_conference"
    __table_args__ = (Index(None, "person_id", "held_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    referral_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("referral.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[list[Any]] = mapped_column(JSONDoc)
    recorded_by: Mapped[str] = mapped_column(String(100))


class ConferenceParticipant(Base):
    """Someone at a case conference: a staff member, or an external person by name."""

    __tablename__ = "case_conference_participant"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    conference_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_conference.id"), index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
