"""Tables of investigations of alleged misuse, their evidence and their interviews.

Evidence and interviews are append-only: what was collected and said is never rewritten. A cautioned
statement is flagged (the person was cautioned before speaking) and kept as given.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.common.ids import new_id
from onestop.db import Base, Entity


class Investigation(Entity):
    """An allegation about a person (and their benefit), from open to its finding."""

    __tablename__ = "investigation"
    __table_args__ = (Index(None, "person_id", "created_at"), Index(None, "status", "assigned_to_id"))

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    application_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("application.id"))
    allegation: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    source_detail: Mapped[str | None] = mapped_column(Text)
    referral_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("referral.id"))
    status: Mapped[str] = mapped_column(String(10))
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    opened_by: Mapped[str] = mapped_column(String(100))
    finding: Mapped[str | None] = mapped_column(String(20))
    finding_reason: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime | None]
    review_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_review.id"))
    overpayment_id: Mapped[uuid.UUID | None]  # the money area's overpayment


class InvestigationEvidence(Base):
    """A document added to the file of an investigation."""

    __tablename__ = "investigation_evidence"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    investigation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("investigation.id"), index=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("document.id"))
    description: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime]


class InvestigationInterview(Base):
    """An interview: who, when, whether cautioned, and the statement as given."""

    __tablename__ = "investigation_interview"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    investigation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("investigation.id"), index=True)
    interviewee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    interviewee_name: Mapped[str | None] = mapped_column(String(200))
    held_at: Mapped[dt.datetime]
    cautioned: Mapped[bool] = mapped_column(default=False)
    statement: Mapped[str] = mapped_column(Text)
    interviewer: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime]
