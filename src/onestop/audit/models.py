"""Tables of the audit area: the append-only event log and its one-row chain head."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, JSONDoc


class AuditEvent(Base):
    """One audited action. Rows are only ever inserted (database triggers refuse UPDATE and DELETE,
    migration 0005); ``hash`` chains each to the one before."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index(None, "subject_type", "subject_id"),
        Index(None, "actor_staff_id"),
        Index(None, "occurred_at"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    occurred_at: Mapped[dt.datetime]
    actor_staff_id: Mapped[uuid.UUID | None]
    actor_username: Mapped[str] = mapped_column(String(150))
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str | None] = mapped_column(String(64))
    subject_id: Mapped[str | None] = mapped_column(String(128))
    purpose: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    before: Mapped[Any] = mapped_column(JSONDoc, nullable=True)
    after: Mapped[Any] = mapped_column(JSONDoc, nullable=True)
    details: Mapped[Any] = mapped_column(JSONDoc, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditChainHead(Base):
    """The single row holding the last event's seq and hash.

    Appends update this row first, which makes every appender queue on its lock (the write lock on
    SQLite), so two transactions can never both extend the same event; it also spares a scan.
    """

    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    #: HMAC-SHA256 of (seq, hash) under ``ONESTOP_AUDIT_KEY``, which is not in the database: whoever
    #: rewrites the log and repoints the head cannot make a matching seal (``domain.head_seal``).
    seal: Mapped[str | None] = mapped_column(String(64))
