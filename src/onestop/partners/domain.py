"""Pure rules of sponsors, projects, elected members' inquiries, training attendance and the
after-hours on-call: kinds, states, the checks.

No database, web or settings here: services pass in what they read, and every refusal is an
``InvalidInput`` naming the field (or ``InvalidTransition`` for a step the state does not allow).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from onestop.common.errors import InvalidInput, InvalidTransition

#: Days an elected member's office waits for an answer when the officer gives no deadline.
INQUIRY_RESPONSE_DAYS = 10


class SponsorKind(enum.StrEnum):
    """Who runs a project: an organization (employer, non-profit) or a community."""

    ORGANIZATION = "organization"
    COMMUNITY = "community"


class ProjectState(enum.StrEnum):
    """A project's life: proposed and negotiated, recommended, approved, signed, closed."""

    PROPOSED = "proposed"
    RECOMMENDED = "recommended"
    APPROVED = "approved"
    SIGNED = "signed"
    CLOSED = "closed"


class MemberOffice(enum.StrEnum):
    """The elected member's house: an MHA (Newfoundland and Labrador) or an MLA (Alberta)."""

    MHA = "mha"
    MLA = "mla"


class InquiryState(enum.StrEnum):
    """An inquiry is open until it is answered."""

    OPEN = "open"
    ANSWERED = "answered"


def require_state(current: str, allowed: tuple[ProjectState, ...], step: str) -> None:
    """Refuse a step the project's state does not allow, saying which states it needs."""
    if ProjectState(current) not in allowed:
        needed = " or ".join(s.value for s in allowed)
        raise InvalidTransition(f"a {current} project cannot be {step}; it must be {needed}")


def check_period(starts_on: dt.date, ends_on: dt.date, *, field: str = "ends_on") -> None:
    """A period ends on or after it starts."""
    if ends_on < starts_on:
        raise InvalidInput(field, "must be on or after the start date")


def check_participants(count: int, *, field: str = "participants_wanted") -> int:
    """A project wants at least one participant (and a believable number)."""
    if isinstance(count, bool) or count < 1 or count > 10_000:
        raise InvalidInput(field, "must be a whole number from 1 to 10000")
    return count


def check_amount(cents: int, *, field: str) -> int:
    """Funding is more than zero."""
    if isinstance(cents, bool) or cents <= 0:
        raise InvalidInput(field, "must be more than zero")
    return cents


def check_approver(approver: str, *, proposed_by: str, recommended_by: str | None) -> None:
    """Maker-checker: whoever proposed or recommended a project does not approve it."""
    if approver in (proposed_by, recommended_by):
        raise InvalidInput(
            "approved_by",
            "you proposed or recommended this project; another supervisor or manager approves it",
        )


def check_signing(state: str, approved_by: str | None) -> None:
    """An agreement is signed only once it is approved (by someone other than its maker)."""
    if state != ProjectState.APPROVED.value or approved_by is None:
        raise InvalidTransition(
            f"a {state} project cannot be signed: the agreement needs a supervisor's or manager's "
            "approval first"
        )


def check_instalment(amount_cents: int, *, paid_cents: int, approved_cents: int) -> None:
    """The instalments together stay within the approved funding."""
    check_amount(amount_cents, field="amount")
    left = approved_cents - paid_cents
    if amount_cents > left:
        raise InvalidInput(
            "amount",
            f"is more than the approved funding left ({left / 100:.2f} of {approved_cents / 100:.2f})",
        )


def check_placement_dates(
    starts_on: dt.date, ends_on: dt.date | None, *, project_start: dt.date, project_end: dt.date
) -> None:
    """A participant's placement falls within the project's dates."""
    if not project_start <= starts_on <= project_end:
        raise InvalidInput("starts_on", "must fall within the project's dates")
    if ends_on is not None:
        check_period(starts_on, ends_on)
        if ends_on > project_end:
            raise InvalidInput("ends_on", "must fall within the project's dates")


def fiscal_year(day: dt.date) -> int:
    """The fiscal year (April 1 to March 31) a day falls in, by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def respond_by(received_on: dt.date, given: dt.date | None) -> dt.date:
    """The answer's deadline: as given (not before the inquiry came in), else ten days on."""
    if given is None:
        return received_on + dt.timedelta(days=INQUIRY_RESPONSE_DAYS)
    if given < received_on:
        raise InvalidInput("respond_by", "must be on or after the day the inquiry was received")
    return given


def check_disclosure(disclose: bool, consent_on: dt.date | None) -> None:
    """Details of a client's file go to an elected member's office only with the client's consent."""
    if disclose and consent_on is None:
        raise InvalidInput(
            "disclose",
            "the client has not consented to sharing their file with the member's office; record their "
            "consent first, or answer only with what may be said without it (that the office is looking "
            "into the matter and who to contact)",
        )


class InstalmentState(enum.StrEnum):
    """Where an instalment is in money: recorded (waiting for a second person), waiting for an approver
    beyond authority, approved (for the next batch), batched, exported, paid, or rejected."""

    RECORDED = "recorded"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    BATCHED = "batched"
    EXPORTED = "exported"
    PAID = "paid"
    REJECTED = "rejected"


#: Instalment states that no longer count against the approved funding.
RELEASED_STATES = frozenset({InstalmentState.REJECTED.value})


class TrainingKind(enum.StrEnum):
    """A post-secondary program (college, university) or a short course."""

    POST_SECONDARY = "post_secondary"
    SHORT_COURSE = "short_course"


class AttendanceOutcome(enum.StrEnum):
    """The officer's finding on a flagged term: the missed attendance is confirmed, or excused."""

    CONFIRMED = "confirmed"
    EXCUSED = "excused"


class EmergencyKind(enum.StrEnum):
    """What an on-call worker may authorize after hours."""

    SHELTER = "shelter"
    FOOD = "food"
    TRANSPORT = "transport"


#: The money payment type each emergency is issued as (its authority limits are money's).
EMERGENCY_PAYMENT_TYPE = {
    EmergencyKind.SHELTER: "shelter",
    EmergencyKind.FOOD: "food_voucher",
    EmergencyKind.TRANSPORT: "travel",
}


@dataclass(frozen=True)
class AttendanceRule:
    """More than ``max_missed_share`` of a term's scheduled days missed raises a task."""

    max_missed_share: Decimal
    task_due_days: int

    def flags(self, scheduled_days: int, attended_days: int) -> bool:
        """The term's missed share is over the threshold."""
        missed = scheduled_days - attended_days
        return Decimal(missed) > self.max_missed_share * scheduled_days


def check_instalment_date(pay_date: dt.date, *, project_start: dt.date) -> None:
    """An instalment is paid from the project's start."""
    if pay_date < project_start:
        raise InvalidInput("pay_date", "must be on or after the project's start")


def check_money(cents: int, *, field: str) -> int:
    """An approved amount: zero or more."""
    if isinstance(cents, bool) or cents < 0:
        raise InvalidInput(field, "must be zero or more")
    return cents


def check_attendance(scheduled_days: int, attended_days: int) -> None:
    """A term has at least one scheduled day and attendance within it."""
    if isinstance(scheduled_days, bool) or not 1 <= scheduled_days <= 366:
        raise InvalidInput("scheduled_days", "must be a whole number of days from 1 to 366")
    if isinstance(attended_days, bool) or not 0 <= attended_days <= scheduled_days:
        raise InvalidInput("attended_days", "must be from 0 to the scheduled days")


def check_shift(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """An on-call shift ends after it starts and lasts at most a week."""
    if ends_at <= starts_at:
        raise InvalidInput("ends_at", "must be after the start")
    if ends_at - starts_at > dt.timedelta(days=7):
        raise InvalidInput("ends_at", "a shift lasts at most seven days")


def next_business_day(day: dt.date) -> dt.date:
    """The first Monday-to-Friday after ``day`` (statutory holidays are not known here)."""
    nxt = day + dt.timedelta(days=1)
    while nxt.weekday() >= 5:
        nxt += dt.timedelta(days=1)
    return nxt
