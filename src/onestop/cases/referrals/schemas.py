"""API and service models for referrals and case conferences."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class ReferralCreate(_In):
    """Refer a person; sharing any data category needs the client's current consent for ``target_id``."""

    person_id: uuid.UUID
    kind: str = "external"
    target_id: str = Field(max_length=60)
    target_name: str = Field(max_length=200)
    specialist_id: uuid.UUID | None = None  # internal referrals: a named specialist, if known
    reason: str = Field(max_length=4000)
    shared: list[str] = Field(default_factory=list)
    follow_up_on: dt.date | None = None  # default: in two weeks
    follow_up_assignee_id: uuid.UUID | None = None


class ReferralStatusChange(_In):
    """Move a referral read at ``version`` to accepted, completed or declined (declining needs a note)."""

    status: str
    version: int | None = None
    note: str | None = Field(default=None, max_length=4000)


class ReferralPublic(_Out):
    """A referral as the API shows it."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    kind: str
    target_id: str
    target_name: str
    specialist_id: uuid.UUID | None
    reason: str
    shared_categories: list[str]
    consent_id: uuid.UUID | None
    status: str
    created_at: dt.datetime
    referred_by: str
    follow_up_task_id: uuid.UUID | None
    responded_at: dt.datetime | None
    responded_by: str | None
    closed_at: dt.datetime | None
    closed_by: str | None
    response_note: str | None


class ParticipantIn(_In):
    """A participant: a staff member (by id) or an external person (by name)."""

    staff_id: uuid.UUID | None = None
    name: str | None = Field(default=None, max_length=200)
    organisation: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=100)


class ConferenceCreate(_In):
    """Record a case conference that was held."""

    person_id: uuid.UUID
    held_on: dt.date
    title: str = Field(default="Case conference", max_length=200)
    participants: list[ParticipantIn] = Field(min_length=1, max_length=50)
    notes: str | None = Field(default=None, max_length=20_000)
    decisions: list[str] = Field(default_factory=list, max_length=50)
    referral_id: uuid.UUID | None = None


class ParticipantPublic(_Out):
    """A participant."""

    staff_id: uuid.UUID | None
    name: str
    organisation: str | None
    role: str | None


class ConferencePublic(_Out):
    """A case conference with its participants."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    referral_id: uuid.UUID | None
    held_on: dt.date
    title: str
    notes: str | None
    decisions: list[str]
    recorded_by: str
    created_at: dt.datetime
    participants: list[ParticipantPublic] = Field(default_factory=list)
