"""What the notices area returns."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


class NoticePublic(BaseModel):
    """A notice as staff see it, with its rendered letter."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    language: str
    status: str
    channel: str | None
    attempts: int
    last_error: str | None
    recipient: str | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    returned_at: dt.datetime | None
    message_id: str
    subject: str
    text: str
    extra_paragraph: str | None = None
    person_name: str = ""

    @classmethod
    def of(cls, row: Any, letter: Any, person_name: str = "") -> NoticePublic:
        return cls(
            id=row.id,
            person_id=row.person_id,
            kind=row.kind,
            language=row.language,
            status=row.status,
            channel=row.channel,
            attempts=row.attempts,
            last_error=row.last_error,
            recipient=row.recipient,
            created_at=row.created_at,
            sent_at=row.sent_at,
            returned_at=row.returned_at,
            message_id=row.message_id,
            subject=letter.subject,
            text=letter.text(),
            extra_paragraph=row.extra_paragraph,
            person_name=person_name,
        )


class InboxLetter(BaseModel):
    """A letter as the client reads it in their portal account: no internal reference but the address."""

    id: uuid.UUID  # in the page's address only, never shown
    kind: str
    language: str
    subject: str
    paragraphs: list[str]
    legal: str
    sent_on: dt.date
    read: bool

    @classmethod
    def of(cls, row: Any, letter: Any) -> InboxLetter:
        return cls(
            id=row.id,
            kind=row.kind,
            language=letter.language,
            subject=letter.subject,
            paragraphs=letter.paragraphs,
            legal=letter.legal,
            sent_on=row.sent_at.date(),
            read=row.read_at is not None,
        )


@dataclass
class SendReport:
    """What one pass of the worker did."""

    by_status: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)

    def count(self, status: str, channel: str | None) -> None:
        self.by_status[status] += 1
        if status == "sent" and channel:
            self.by_channel[channel] += 1

    @property
    def total(self) -> int:
        return sum(self.by_status.values())
