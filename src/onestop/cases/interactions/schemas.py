"""API and service models for interactions, reason codes and call statistics."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class FollowUpIn(_In):
    """A follow-up to create with the interaction (it becomes a task, by default the officer's own)."""

    due_on: dt.date
    title: str | None = Field(default=None, max_length=200)
    kind: str = "follow_up"
    priority: str = "normal"
    assignee_id: uuid.UUID | None = None
    office_id: uuid.UUID | None = None


class InteractionCreate(_In):
    """Log a contact. Only ``channel`` and ``reason_codes`` are required, so a call is logged in one step."""

    channel: str
    reason_codes: list[str] = Field(min_length=1, max_length=5)
    person_id: uuid.UUID | None = None  # none: an anonymous contact
    direction: str = "inbound"
    occurred_at: dt.datetime | None = None
    duration_seconds: int | None = None
    outcome: str | None = None  # default: follow_up when a follow-up is given, else resolved
    notes: str | None = Field(default=None, max_length=8000)
    follow_up: FollowUpIn | None = None


class EmailReceived(_In):
    """An inbound e-mail request, stored unattached until an officer attaches it to a person."""

    sender: str = Field(max_length=320)
    subject: str = Field(default="", max_length=300)
    body: str = Field(default="", max_length=100_000)
    received_at: dt.datetime | None = None


class InteractionAttach(_In):
    """Attach an unattached interaction to a person, with the reasons the officer read in it."""

    person_id: uuid.UUID
    version: int | None = None
    reason_codes: list[str] = Field(default_factory=list, max_length=5)
    outcome: str | None = None
    notes: str | None = Field(default=None, max_length=8000)


class EmailReply(_In):
    """Answer an attached e-mail: the template the officer started from and the text as edited."""

    template: str = Field(max_length=40)
    body: str = Field(max_length=8000)
    subject: str | None = Field(default=None, max_length=300)
    version: int | None = None  # the e-mail's version as read


class InteractionPublic(_Out):
    """An interaction as the API shows it."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID | None
    channel: str
    direction: str
    occurred_at: dt.datetime
    duration_seconds: int | None
    outcome: str
    notes: str | None
    staff_id: uuid.UUID | None
    office_id: uuid.UUID | None
    recorded_by: str
    follow_up_task_id: uuid.UUID | None
    email_from: str | None
    email_subject: str | None
    email_body: str | None
    attached_at: dt.datetime | None
    attached_by: str | None
    reason_codes: list[str] = Field(default_factory=list)


class RecentContact(BaseModel):
    """One of the officer's own latest contacts, with the person's name for the home page."""

    interaction: InteractionPublic
    person_name: str | None  # "Family, Given"; None for an anonymous caller


class InteractionPage(BaseModel):
    """A page of a person's interactions, newest first, with the total count."""

    person_id: uuid.UUID
    total: int
    items: list[InteractionPublic]


class ReasonCodeIn(_In):
    """Add, relabel or retire a reason code."""

    code: str = Field(max_length=40)
    label_en: str = Field(max_length=100)
    label_fr: str = Field(max_length=100)
    active: bool = True


class ReasonCodePublic(_Out):
    """A reason code in both languages."""

    code: str
    label_en: str
    label_fr: str
    active: bool


class OfficerCount(BaseModel):
    """One officer's interactions that day."""

    staff_id: uuid.UUID | None
    username: str
    count: int
    total_seconds: int
    average_seconds: int | None


class OfficeCount(BaseModel):
    """One office's interactions that day."""

    office_id: uuid.UUID | None
    count: int
    average_seconds: int | None


class ReasonCount(BaseModel):
    """Interactions with one reason (an interaction with two reasons counts under both)."""

    code: str
    label_en: str
    label_fr: str
    count: int


class CallStatistics(BaseModel):
    """A day's interaction statistics, computed from the interaction records."""

    date: dt.date
    tz: str
    office_id: uuid.UUID | None
    total: int
    average_seconds: int | None
    by_officer: list[OfficerCount]
    by_office: list[OfficeCount]
    by_reason: list[ReasonCount]
    by_channel: dict[str, int]
    by_outcome: dict[str, int]
    by_hour: list[int] = Field(description="Interactions per local hour of day, 0 to 23 (for charts).")


class ReplyPublic(BaseModel):
    """A reply sent: the outbound interaction logged on the person, and the notice that carries it."""

    interaction: InteractionPublic
    in_reply_to: uuid.UUID
    notice_id: uuid.UUID
    subject: str


class ReplyTemplatePublic(BaseModel):
    """A reply template in both languages."""

    code: str
    label_en: str
    label_fr: str
    body_en: str
    body_fr: str
