"""Referral rules. Pure: target ids, shared data categories, the consent requirement and the states.

A referral that shares any information needs the client's current consent for that recipient (the
registry's consent records); a referral that shares nothing (the client will contact the agency
themselves) needs none.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition

#: "ext.ei", "ab.pdd", "nl.income_support": a jurisdiction or "ext", a dot, then the program or agency.
_TARGET_ID = re.compile(r"^[a-z][a-z0-9]{1,9}(\.[a-z0-9][a-z0-9_-]{0,40}){1,3}$")
FOLLOW_UP_DAYS = 14


class TargetKind(enum.StrEnum):
    """An internal program specialist or an external agency."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class ReferralStatus(enum.StrEnum):
    """Sent, then accepted or declined by the recipient; accepted referrals end completed."""

    SENT = "sent"
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    DECLINED = "declined"


class DataCategory(enum.StrEnum):
    """Kinds of information a referral may share."""

    IDENTITY = "identity"
    CONTACT = "contact"
    HOUSEHOLD = "household"
    INCOME = "income"
    ASSETS = "assets"
    BENEFITS = "benefits"
    HEALTH = "health"
    DOCUMENTS = "documents"
    CASE_NOTES = "case_notes"


TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.SENT: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED}),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.DECLINED: frozenset(),
}


@dataclass(frozen=True)
class ConsentFacts:
    """What the consent rule needs of one registry consent record."""

    id: uuid.UUID
    recipient: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


def target_id(value: str) -> str:
    """A catalogue id of a program or agency (its format only)."""
    cleaned = value.strip().lower()
    if not _TARGET_ID.match(cleaned):
        raise InvalidInput("target_id", "must look like 'ext.ei' or 'ab.pdd' (lower case, dot-separated)")
    return cleaned


def target_kind(value: str) -> TargetKind:
    """Internal or external."""
    return parse_enum(TargetKind, value, field="kind")


def status(value: str) -> ReferralStatus:
    """A known referral status."""
    return parse_enum(ReferralStatus, value, field="status")


def categories(values: Sequence[str]) -> list[str]:
    """Known data categories, without repeats, in the order given."""
    return [parse_enum(DataCategory, v.strip().lower(), field="shared").value for v in dict.fromkeys(values)]


def current_consent(consents: Iterable[ConsentFacts], recipient: str, at: dt.datetime) -> ConsentFacts | None:
    """The most recent consent for this recipient in force at ``at`` (given, and not withdrawn)."""
    found = [
        c
        for c in consents
        if c.recipient.strip().lower() == recipient
        and c.given_at <= at
        and (c.withdrawn_at is None or c.withdrawn_at > at)
    ]
    return max(found, key=lambda c: c.given_at) if found else None


def check_consent(shared: Sequence[str], consent: ConsentFacts | None, recipient: str) -> None:
    """Sharing information needs a current consent for the recipient."""
    if shared and consent is None:
        raise InvalidInput(
            "consent",
            f"the client has no current consent to share information with {recipient}; record their consent "
            "first, or refer without sharing information",
        )


def check_transition(current: str, target: ReferralStatus) -> None:
    """Refuse a status change the referral's state does not allow."""
    state = ReferralStatus(current)
    if target not in TRANSITIONS[state]:
        raise InvalidTransition(f"a {state.value} referral cannot become {target.value}")


def follow_up_on(given: dt.date | None, *, today: dt.date) -> dt.date:
    """When the referring officer checks how the referral went (two weeks by default)."""
    return given if given is not None else today + dt.timedelta(days=FOLLOW_UP_DAYS)


def held_on(day: dt.date, *, today: dt.date) -> dt.date:
    """A case conference is recorded once held: its date cannot be in the future."""
    if day > today:
        raise InvalidInput("held_on", "must not be in the future (record a conference once it is held)")
    return day
