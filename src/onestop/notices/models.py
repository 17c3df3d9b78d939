"""The notices outbox: one row per letter, queued in the transaction of the event that causes it.

A row is never deleted; its ``status`` moves queued -> sending (claimed) -> sent, or to failed
(retried with backoff) and held (no deliverable channel, or a confidential address): those two
are the staff failure queue.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, JSONDoc


class Notice(Entity):
    """A letter to one person, in their language, and how (and whether) it reached them."""

    __tablename__ = "notice"
    __table_args__ = (Index("ix_notice_status_next_attempt_at", "status", "next_attempt_at"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    params: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    extra_paragraph: Mapped[str | None] = mapped_column(Text)
    subject_type: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(12))
    channel: Mapped[str | None] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime]
    claimed_at: Mapped[dt.datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    recipient: Mapped[str | None] = mapped_column(Text)  # e-mail or the mailing address at sending time
    address_id: Mapped[uuid.UUID | None]
    sent_at: Mapped[dt.datetime | None]
    read_at: Mapped[dt.datetime | None]
    print_batch: Mapped[str | None] = mapped_column(String(10))  # the print file's date (YYYY-MM-DD)
    returned_at: Mapped[dt.datetime | None]
    created_by: Mapped[str] = mapped_column(String(100))


class ReturnedAddress(Entity):
    """A postal address a letter came back from: no more mail goes there until it changes."""

    __tablename__ = "notice_returned_address"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    address_id: Mapped[uuid.UUID] = mapped_column(index=True)
    notice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("notice.id"))
    marked_by: Mapped[str] = mapped_column(String(100))
