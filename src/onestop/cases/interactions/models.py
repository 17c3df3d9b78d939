"""Tables of interactions: each contact, its reason codes, and the configured reason list.

Reason codes sit in their own table (not a JSON list) so statistics per reason are an indexed join.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity


class Interaction(Entity):
    """One contact with a person (or an anonymous caller, or an e-mail not yet attached to anyone)."""

    __tablename__ = "interaction"
    __table_args__ = (
        Index(None, "person_id", "occurred_at"),
        Index(None, "occurred_at"),
        Index(None, "office_id", "occurred_at"),
        Index(None, "channel", "person_id", "occurred_at"),
    )

    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    channel: Mapped[str] = mapped_column(String(12))
    direction: Mapped[str] = mapped_column(String(8), default="inbound")
    occurred_at: Mapped[dt.datetime]
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    recorded_by: Mapped[str] = mapped_column(String(100))
    follow_up_task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("task.id"))
    # An inbound e-mail request as received (created unattached, then attached by an officer).
    email_from: Mapped[str | None] = mapped_column(String(320))
    email_subject: Mapped[str | None] = mapped_column(String(300))
    email_body: Mapped[str | None] = mapped_column(Text)
    attached_at: Mapped[dt.datetime | None]
    attached_by: Mapped[str | None] = mapped_column(String(100))


class InteractionReason(Base):
    """One reason code of an interaction (append-only)."""

    __tablename__ = "interaction_reason"
    __table_args__ = (Index(None, "code"),)

    interaction_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interaction.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)


class ReasonCodeSetting(Entity):
    """An administrator's reason code: adds to, relabels or retires one of the built-in codes."""

    __tablename__ = "interaction_reason_code"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_en: Mapped[str] = mapped_column(String(100))
    label_fr: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    updated_by: Mapped[str] = mapped_column(String(100))
