"""Tables of the privacy area: access and correction requests, their redactions, legal holds and
destruction certificates."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc


class PrivacyRequest(Entity):
    """A person's request to see (access) or correct (correction) what the department holds about them."""

    __tablename__ = "privacy_request"
    __table_args__ = (Index(None, "status", "due_on"), Index(None, "person_id", "created_at"))

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(12))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12))
    received_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)  # what is asked for (or which record is wrong, and how)
    # Someone acting for the person, and the authority they showed (power of attorney, guardianship...).
    representative: Mapped[str | None] = mapped_column(String(200))
    representative_authority: Mapped[str | None] = mapped_column(Text)
    task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("task.id"))
    logged_by: Mapped[str] = mapped_column(String(100))
    package: Mapped[Any] = mapped_column(JSONDoc, nullable=True)  # as assembled, before redaction
    assembled_by: Mapped[str | None] = mapped_column(String(100))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[dt.datetime | None]
    released_by: Mapped[str | None] = mapped_column(String(100))
    released_on: Mapped[dt.date | None] = mapped_column(Date)
    pdf_key: Mapped[str | None] = mapped_column(String(64))  # in document storage
    json_key: Mapped[str | None] = mapped_column(String(64))
    decision_reason: Mapped[str | None] = mapped_column(Text)  # a correction's decision
    correction_made: Mapped[str | None] = mapped_column(Text)
    disagreement: Mapped[str | None] = mapped_column(Text)  # the person's statement when refused
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None]


class Redaction(Base):
    """One part of an access package withheld, and why."""

    __tablename__ = "privacy_redaction"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("privacy_request.id"), index=True)
    section: Mapped[str] = mapped_column(String(30))
    item_index: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime]


class LegalHold(Entity):
    """A hold that stops a person's file being destroyed (litigation, an investigation, an appeal)."""

    __tablename__ = "privacy_legal_hold"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    placed_by: Mapped[str] = mapped_column(String(100))
    lifted_at: Mapped[dt.datetime | None]
    lifted_by: Mapped[str | None] = mapped_column(String(100))


class DestructionCertificate(Base):
    """What a purge destroyed in one file, when, by whom and under which schedule; never changed."""

    __tablename__ = "privacy_destruction"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    destroyed_at: Mapped[dt.datetime]
    destroyed_by: Mapped[str] = mapped_column(String(100))
    schedule: Mapped[str] = mapped_column(Text)
    items: Mapped[Any] = mapped_column(JSONDoc)  # {"documents": 2, "contacts": 1, ...} and what was kept


class Disclosure(Base):
    """One disclosure of a person's information outside the department: to whom, what, and under which
    authority (a statute, a court order) or the person's consent. Never changed."""

    __tablename__ = "privacy_disclosure"
    __table_args__ = (Index(None, "person_id", "disclosed_on"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    recipient: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(String(20))  # consent | statute | court_order
    authority: Mapped[str | None] = mapped_column(Text)  # the section or order, when not consent
    consent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person_consent.id"))
    disclosed_on: Mapped[dt.date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime]


class Breach(Entity):
    """A suspected privacy breach: what happened, its assessment (the factors and the risk of harm),
    the letters that told the person and the commissioner, and how it was closed."""

    __tablename__ = "privacy_breach"
    __table_args__ = (Index(None, "status", "discovered_on"),)

    kind: Mapped[str] = mapped_column(String(24))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12))
    discovered_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    notice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notice.id"))  # a misdirected letter
    reported_by: Mapped[str] = mapped_column(String(100))
    # The assessment (the commissioners' factors and the risk they add up to).
    information: Mapped[str | None] = mapped_column(Text)  # what information was involved
    sensitivity: Mapped[str | None] = mapped_column(String(8))
    people_affected: Mapped[int | None] = mapped_column(Integer)
    likelihood: Mapped[str | None] = mapped_column(String(8))
    containment: Mapped[str | None] = mapped_column(String(16))
    containment_steps: Mapped[str | None] = mapped_column(Text)  # what was done to get it back
    harm: Mapped[str | None] = mapped_column(Text)  # what harm could follow
    risk: Mapped[str | None] = mapped_column(String(8))
    assessed_by: Mapped[str | None] = mapped_column(String(100))
    assessed_at: Mapped[dt.datetime | None]
    # The notification.
    person_notice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notice.id"))
    office_letter_key: Mapped[str | None] = mapped_column(String(64))  # in document storage
    notified_by: Mapped[str | None] = mapped_column(String(100))
    notified_on: Mapped[dt.date | None] = mapped_column(Date)
    # The close.
    outcome: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime | None]


class BreachAction(Base):
    """One follow-up step of a breach (retrieve the letter, retrain, change a procedure), due by a date."""

    __tablename__ = "privacy_breach_action"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    breach_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("privacy_breach.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime]
    done_at: Mapped[dt.datetime | None]
    done_by: Mapped[str | None] = mapped_column(String(100))
    done_note: Mapped[str | None] = mapped_column(Text)
