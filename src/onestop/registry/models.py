"""Tables of the registry area: people, their contacts, identifiers, flags, consents, and benefit units.

Nothing here is deleted: contacts, identifiers, flags and memberships are ended or removed with a
date and who did it, and a merged person keeps its row (``merged_into_id``), so every history stays.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc


def _person_fk() -> ForeignKey:
    return ForeignKey("person.id")


class Person(Entity):
    """A person known to the department, registered once."""

    __tablename__ = "person"

    given_names: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200))
    #: Other family names the person has used (a name before marriage): searched and matched like the
    #: family name, because a re-registration under a new name otherwise shares only given name and birth.
    former_family_names: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    preferred_name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    language_other: Mapped[str | None] = mapped_column(String(100))
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    gender: Mapped[str | None] = mapped_column(String(50))
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime | None]
    # The officer's decision when registration found possible duplicates.
    duplicate_decision: Mapped[str | None] = mapped_column(String(20))
    duplicate_reason: Mapped[str | None] = mapped_column(Text)
    duplicate_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    duplicate_decided_by: Mapped[str | None] = mapped_column(String(100))
    duplicate_decided_at: Mapped[dt.datetime | None]
    # Merging keeps the row; reads follow merged_into_id to the survivor.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    merged_at: Mapped[dt.datetime | None]
    merged_by: Mapped[str | None] = mapped_column(String(100))
    merge_reason: Mapped[str | None] = mapped_column(Text)


class PersonNameKey(Base):
    """Indexed search keys of a person's names (see ``namekeys``); rebuilt when the names change."""

    __tablename__ = "person_name_key"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), primary_key=True, index=True)


class PersonContact(Entity):
    """A phone number (E.164) or e-mail address; removing one keeps it with its removal date."""

    __tablename__ = "person_contact"
    __table_args__ = (Index("ix_person_contact_kind_value", "kind", "value"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # phone | email
    label: Mapped[str | None] = mapped_column(String(30))  # home, mobile, work...
    value: Mapped[str] = mapped_column(String(320))
    added_by: Mapped[str] = mapped_column(String(100))
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(100))


class PersonAddress(Entity):
    """A postal address; a move ends the old one and adds the new one."""

    __tablename__ = "person_address"

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    province: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(7))
    added_by: Mapped[str] = mapped_column(String(100))
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(100))


class PersonIdentifier(Entity):
    """A SIN or health number: ciphertext plus a keyed blind index; never stored in plaintext."""

    __tablename__ = "person_identifier"
    __table_args__ = (Index("ix_person_identifier_kind_blind_index", "kind", "blind_index"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # sin | health_number
    province: Mapped[str | None] = mapped_column(String(2))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    blind_index: Mapped[str] = mapped_column(String(64))
    masked: Mapped[str] = mapped_column(String(20))  # e.g. "*** *** 286": what screens show
    added_by: Mapped[str] = mapped_column(String(100))
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(100))


class SafetyFlag(Entity):
    """A safety flag staff must see; removal keeps the flag with who removed it and why."""

    __tablename__ = "person_safety_flag"

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    kind: Mapped[str] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[dt.datetime]
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(100))
    removal_reason: Mapped[str | None] = mapped_column(Text)


class Consent(Entity):
    """Consent to share the person's information with a program or agency, for a purpose."""

    __tablename__ = "person_consent"

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    recipient: Mapped[str] = mapped_column(String(100))  # program or agency id
    purpose: Mapped[str] = mapped_column(Text)
    given_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(100))
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[str | None] = mapped_column(String(100))


class BenefitUnit(Entity):
    """A household that applies and is assessed together."""

    __tablename__ = "benefit_unit"

    label: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(100))


class UnitMembership(Entity):
    """A person's dated membership of a unit in one role; ending it sets ``left_on``."""

    __tablename__ = "unit_membership"

    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("benefit_unit.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    role: Mapped[str] = mapped_column(String(20))
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(100))
    ended_by: Mapped[str | None] = mapped_column(String(100))


class StaffPersonLink(Entity):
    """A staff account tied to a registry record: their own, or a relative's (issue 10, part 2).

    The staff member may not act on that file, nor on the files of anyone in the same benefit unit
    as the linked person. Removing a link keeps it with who removed it and why.
    """

    __tablename__ = "staff_person_link"

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    relation: Mapped[str] = mapped_column(String(20))  # self | relative
    note: Mapped[str | None] = mapped_column(Text)
    linked_by: Mapped[str] = mapped_column(String(100))
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(100))
    removal_reason: Mapped[str | None] = mapped_column(Text)


class PersonRestriction(Entity):
    """A restricted file: it opens only with a reason (break-glass). Lifting keeps the row."""

    __tablename__ = "person_restriction"

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # confidential_address | staff_relative | public_figure
    note: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[dt.datetime]
    lifted_at: Mapped[dt.datetime | None]
    lifted_by: Mapped[str | None] = mapped_column(String(100))
    lift_reason: Mapped[str | None] = mapped_column(Text)


class FileAccessGrant(Entity):
    """A break-glass opening of a restricted file: who, why, until when, and the supervisor's review."""

    __tablename__ = "file_access_grant"
    __table_args__ = (Index("ix_file_access_grant_staff_id_person_id", "staff_id", "person_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    username: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    review_note: Mapped[str | None] = mapped_column(Text)


class DuplicateSuggestion(Entity):
    """A pair the registry-wide sweep thinks may be one person, for an officer to decide.

    One row per pair (``person_a_id`` is the smaller id), whatever the run: a later sweep refreshes
    an open suggestion's figures but never re-opens a pair someone dismissed or merged. The sweep
    never merges anything itself.
    """

    __tablename__ = "duplicate_suggestion"
    __table_args__ = (
        UniqueConstraint("person_a_id", "person_b_id"),
        Index("ix_duplicate_suggestion_status_probability", "status", "probability"),
    )

    person_a_id: Mapped[uuid.UUID] = mapped_column(_person_fk())
    person_b_id: Mapped[uuid.UUID] = mapped_column(_person_fk(), index=True)
    probability: Mapped[float] = mapped_column(Float)  # a model's estimate, not an amount
    match_weight: Mapped[float] = mapped_column(Float)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)  # per field: what agreed, weight
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | merged | dismissed
    run_id: Mapped[uuid.UUID]
    found_at: Mapped[dt.datetime]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
