"""Registry input and output models (API bodies, CLI and demo input, service results).

Outputs carry identifiers MASKED only; the plaintext leaves the registry solely through
``reveal_identifier``, which asks for a reason and is audited.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from onestop.common.schemas import RowOutput as _Out
from onestop.common.schemas import StrictInput as _In


class PhoneIn(_In):
    """A phone number as typed; stored in E.164."""

    number: str
    label: str | None = None


class EmailIn(_In):
    """An e-mail address."""

    address: str
    label: str | None = None


class AddressIn(_In):
    """A Canadian postal address as typed."""

    line1: str
    line2: str | None = None
    city: str
    province: str
    postal_code: str


class HealthNumberIn(_In):
    """A provincial health number."""

    province: str
    number: str


class PersonCreate(_In):
    """What an officer enters to register a person (a one-word name goes in ``family_name``)."""

    given_names: str = ""
    family_name: str = ""
    #: Other surnames used (a name before marriage), searched and matched like the family name.
    former_family_names: list[str] = Field(default_factory=list)
    preferred_name: str | None = None
    birth_date: dt.date | None = None
    language: str = "en"
    language_other: str | None = None
    interpreter_needed: bool = False
    gender: str | None = Field(default=None, max_length=50)
    phones: list[PhoneIn] = Field(default_factory=list)
    emails: list[EmailIn] = Field(default_factory=list)
    addresses: list[AddressIn] = Field(default_factory=list)
    sin: str | None = None
    health_numbers: list[HealthNumberIn] = Field(default_factory=list)


class DuplicateDecision(_In):
    """The officer's decision after seeing possible duplicates."""

    decision: Literal["new_person", "link"]
    reason: str = ""
    existing_id: uuid.UUID | None = None  # for "link": the person this registration is the same as


class PersonRegistration(PersonCreate):
    """``POST /api/people`` body: the person, plus the duplicate decision when re-submitting."""

    duplicate_decision: DuplicateDecision | None = None


class PersonUpdate(_In):
    """Changes to a person's core details; ``version`` is the one the client read (optimistic lock)."""

    version: int
    given_names: str | None = None
    family_name: str | None = None
    former_family_names: list[str] | None = None
    preferred_name: str | None = None
    birth_date: dt.date | None = None
    language: str | None = None
    language_other: str | None = None
    interpreter_needed: bool | None = None
    gender: str | None = Field(default=None, max_length=50)


class SearchQuery(_In):
    """Search criteria; at least one is needed."""

    name: str | None = None
    birth_date: dt.date | None = None
    sin: str | None = None
    phone: str | None = None
    limit: int = Field(default=20, ge=1, le=100)


class RevealRequest(_In):
    """Ask to see an identifier unmasked, with the reason (audited)."""

    kind: Literal["sin", "health_number"]
    reason: str
    province: str | None = None


class MergeRequest(_In):
    """Merge ``merged_id`` into the person in the URL (the survivor)."""

    merged_id: uuid.UUID
    reason: str
    # What becomes of the merged record's portal accounts (needed when it has any: else 409).
    portal_accounts: Literal["keep", "unlink"] | None = None


class ReasonIn(_In):
    """A reason for an undo or removal."""

    reason: str


class FlagCreate(_In):
    """A new safety flag."""

    kind: str
    note: str | None = None


class ConsentCreate(_In):
    """Consent given to share with a program or agency for a purpose."""

    recipient: str
    purpose: str
    given_at: dt.datetime | None = None


class IdentifierIn(_In):
    """A SIN or health number added after registration."""

    kind: Literal["sin", "health_number"]
    number: str
    province: str | None = None


class MemberIn(_In):
    """A person joining a benefit unit."""

    person_id: uuid.UUID
    role: str
    joined_on: dt.date


class UnitCreate(_In):
    """A new benefit unit with its first members."""

    label: str | None = None
    members: list[MemberIn] = Field(default_factory=list)


class MemberEnd(_In):
    """End a membership on a date (history is kept)."""

    left_on: dt.date


# ---- outputs -------------------------------------------------------------------------------


class ContactPublic(_Out):
    """A phone or e-mail; ``person_id`` is the record it belongs to (a merged one, for merged data)."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    label: str | None
    value: str
    created_at: dt.datetime
    removed_at: dt.datetime | None


class AddressPublic(_Out):
    """A postal address."""

    id: uuid.UUID
    person_id: uuid.UUID
    line1: str
    line2: str | None
    city: str
    province: str
    postal_code: str
    created_at: dt.datetime
    removed_at: dt.datetime | None


class IdentifierPublic(_Out):
    """An identifier, masked ("*** *** 286")."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    province: str | None
    masked: str
    created_at: dt.datetime
    removed_at: dt.datetime | None


class FlagPublic(_Out):
    """A safety flag, current or removed."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    note: str | None
    set_by: str
    set_at: dt.datetime
    removed_at: dt.datetime | None
    removed_by: str | None
    removal_reason: str | None


class ConsentPublic(_Out):
    """A consent record."""

    id: uuid.UUID
    person_id: uuid.UUID
    recipient: str
    purpose: str
    given_at: dt.datetime
    recorded_by: str
    withdrawn_at: dt.datetime | None


class PersonSummary(_Out):
    """A line in search results or duplicate lists: names, birth date, masked SIN."""

    id: uuid.UUID
    given_names: str
    family_name: str
    preferred_name: str | None
    birth_date: dt.date | None
    sin: str | None = None  # masked
    city: str | None = None
    #: A restricted file the reader has not opened: birth date, SIN and city are left out.
    restricted: bool = False


class PersonPublic(_Out):
    """A person's file as staff see it: masked identifiers, merged records' data included."""

    id: uuid.UUID
    version: int
    given_names: str
    family_name: str
    former_family_names: list[str] = Field(default_factory=list)
    preferred_name: str | None
    birth_date: dt.date | None
    language: str
    language_other: str | None
    interpreter_needed: bool
    gender: str | None
    created_at: dt.datetime
    created_by: str
    merged_into_id: uuid.UUID | None
    merged_ids: list[uuid.UUID] = Field(default_factory=list)
    duplicate_decision: str | None = None
    duplicate_reason: str | None = None
    duplicate_of_id: uuid.UUID | None = None
    duplicate_decided_by: str | None = None
    contacts: list[ContactPublic] = Field(default_factory=list)
    addresses: list[AddressPublic] = Field(default_factory=list)
    identifiers: list[IdentifierPublic] = Field(default_factory=list)
    safety_flags: list[FlagPublic] = Field(default_factory=list)
    consents: list[ConsentPublic] = Field(default_factory=list)
    #: The file's restrictions in force (issue 10, part 4); an empty list for an ordinary file.
    restrictions: list[RestrictionPublic] = Field(default_factory=list)
    #: True when the address is confidential and the reader has not broken the glass: ``addresses``
    #: is then empty.
    address_hidden: bool = False


class SearchHit(BaseModel):
    """A search result with its score (0-100) and why it matched."""

    person: PersonSummary
    score: int
    reasons: list[str]


class DuplicateMatch(BaseModel):
    """A possible duplicate of a person being registered."""

    person: PersonSummary
    score: int
    reasons: list[str]


class Revealed(BaseModel):
    """An identifier in clear, returned once to an authorised officer who gave a reason."""

    kind: str
    province: str | None
    value: str


class MemberPublic(_Out):
    """A dated membership of a unit."""

    id: uuid.UUID
    unit_id: uuid.UUID
    person_id: uuid.UUID
    role: str
    joined_on: dt.date
    left_on: dt.date | None


class UnitPublic(_Out):
    """A benefit unit with its whole membership history."""

    id: uuid.UUID
    version: int
    label: str | None
    created_at: dt.datetime
    members: list[MemberPublic] = Field(default_factory=list)


class RestrictionIn(_In):
    """A supervisor flags a file restricted: the kind and a note saying why."""

    kind: Literal["confidential_address", "staff_relative", "public_figure"]
    note: str | None = None


class RestrictionPublic(_Out):
    """A restriction on a file, in force or lifted."""

    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    note: str | None
    set_by: str
    set_at: dt.datetime
    lifted_at: dt.datetime | None
    lifted_by: str | None
    lift_reason: str | None


class BreakGlassIn(_In):
    """Why the officer opens a restricted file (kept in the audit trail and shown to the supervisor)."""

    reason: str


class ReviewIn(_In):
    """The supervisor's note on a break-glass access (optional)."""

    note: str | None = None


class FileAccessPublic(_Out):
    """A break-glass opening of a restricted file and its review."""

    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str = ""
    staff_id: uuid.UUID
    username: str
    reason: str
    granted_at: dt.datetime
    expires_at: dt.datetime
    reviewed_at: dt.datetime | None
    reviewed_by: str | None
    review_note: str | None


class StaffLinkIn(_In):
    """An administrator ties a staff account to a registry record (their own, or a relative's)."""

    person_id: uuid.UUID
    relation: Literal["self", "relative"] = "self"
    note: str | None = None


class StaffLinkPublic(_Out):
    """A staff account's link to a registry record, current or removed."""

    id: uuid.UUID
    staff_id: uuid.UUID
    person_id: uuid.UUID
    person_name: str = ""
    relation: str
    note: str | None
    linked_by: str
    created_at: dt.datetime
    removed_at: dt.datetime | None
    removed_by: str | None
    removal_reason: str | None
