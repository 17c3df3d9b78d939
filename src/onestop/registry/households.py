"""Benefit-unit membership rules. Pure: the services feed in the memberships they loaded.

Memberships are dated intervals ``[joined_on, left_on)``; nothing is deleted, so a household's
history can be replayed for any past date. The rules: on any date a unit has at most one applicant
and one partner, and a person heads (applicant or partner) at most one unit.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from onestop.common.errors import InvalidInput


class MemberRole(enum.StrEnum):
    """A member's role in the unit."""

    APPLICANT = "applicant"
    PARTNER = "partner"
    DEPENDANT = "dependant"


HEAD_ROLES = frozenset({MemberRole.APPLICANT, MemberRole.PARTNER})


@dataclass(frozen=True)
class Stint:
    """One membership interval of a person in a unit, in the role they had."""

    unit_id: uuid.UUID | None
    person_id: uuid.UUID
    role: MemberRole
    joined_on: dt.date
    left_on: dt.date | None = None

    def overlaps(self, other: Stint) -> bool:
        """Whether the two intervals share at least one day."""
        self_end = self.left_on or dt.date.max
        other_end = other.left_on or dt.date.max
        return self.joined_on < other_end and other.joined_on < self_end

    def current_on(self, day: dt.date) -> bool:
        """Whether the person is a member on ``day``."""
        return self.joined_on <= day and (self.left_on is None or day < self.left_on)


def role(value: str, *, field: str = "role") -> MemberRole:
    """A known member role."""
    try:
        return MemberRole(value)
    except ValueError:
        raise InvalidInput(field, "must be applicant, partner or dependant") from None


def dates(joined_on: dt.date, left_on: dt.date | None, *, field: str = "left_on") -> None:
    """A membership must end after it starts."""
    if left_on is not None and left_on <= joined_on:
        raise InvalidInput(field, "must be after joined_on")


def check_unit(stints: Iterable[Stint]) -> None:
    """Refuse a unit whose memberships give it two applicants or two partners at once, or a repeat person."""
    items = list(stints)
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if not a.overlaps(b):
                continue
            if a.person_id == b.person_id:
                raise InvalidInput("members", "the same person is listed twice for overlapping dates")
            if a.role == b.role and a.role in HEAD_ROLES:
                raise InvalidInput("members", f"a unit can have only one current {a.role.value}")


def check_heads_elsewhere(new: Stint, other_units: Iterable[Stint]) -> None:
    """A person can be applicant or partner of only one unit at a time."""
    if new.role not in HEAD_ROLES:
        return
    for stint in other_units:
        if stint.unit_id != new.unit_id and stint.role in HEAD_ROLES and stint.overlaps(new):
            raise InvalidInput("members", f"person {new.person_id} already heads another unit on those dates")
