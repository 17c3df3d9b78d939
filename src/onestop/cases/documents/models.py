"""The document table: metadata in the database, bytes in ``onestop.storage`` under ``storage_key``."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity

_HAS_APPLICATION = text("application_id IS NOT NULL")


class Document(Entity):
    """A piece of evidence a person gave, and the officer's verification or rejection of it."""

    __tablename__ = "document"
    __table_args__ = (
        Index(None, "person_id", "created_at"),
        # Partial: most documents have no application, and on SQLite an index that is mostly NULL looks
        # useless to the planner after ANALYZE (it would scan the table instead).
        Index(None, "application_id", sqlite_where=_HAS_APPLICATION, postgresql_where=_HAS_APPLICATION),
        Index(None, "sha256"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    application_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("application.id"))
    doc_type: Mapped[str] = mapped_column(String(30))
    description: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(50))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="received")
    uploaded_by: Mapped[str] = mapped_column(String(100))
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime | None]
    verification_method: Mapped[str | None] = mapped_column(String(30))
    verification_agency: Mapped[str | None] = mapped_column(String(200))
    review_note: Mapped[str | None] = mapped_column(Text)  # how it was verified, or why it was rejected
