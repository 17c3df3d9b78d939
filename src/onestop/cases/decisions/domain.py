"""Decision rules. Pure: outcomes, what a new decision does to the previous one, overrides and approval.

A decision is a record, never edited: a change is a new decision that supersedes the old one. The
``action`` says what it did relative to the decision it replaces (grant, change, close...), so the
history reads as a story. An override of the computed result always has a reason; moving a refusal
to eligible or raising the amount needs a supervisor other than the officer (policy, configurable).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from typing import Any

from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied


class Outcome(enum.StrEnum):
    """Where the decision leaves the unit for this program."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    SUSPENDED = "suspended"


class Action(enum.StrEnum):
    """What the decision did, relative to the one it supersedes."""

    GRANT = "grant"
    REFUSE = "refuse"
    CONTINUE = "continue"
    CHANGE = "change"
    CLOSE = "close"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"


class Basis(enum.StrEnum):
    """Why the decision was made."""

    APPLICATION = "application"
    REVIEW = "review"
    CHANGE = "change"  # a reported change in circumstances
    INVESTIGATION = "investigation"
    APPEAL = "appeal"
    SUSPENSION = "suspension"
    REINSTATEMENT = "reinstatement"


class RequestStatus(enum.StrEnum):
    """An override waiting for a supervisor."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


#: Actions that take something away (a reduction is a CHANGE to a lower amount).
_ADVERSE = frozenset({Action.REFUSE, Action.CLOSE, Action.SUSPEND, Action.CHANGE})


@dataclass(frozen=True)
class Previous:
    """What the decision being superseded said."""

    outcome: Outcome
    monthly_cents: int | None


def action_for(
    previous: Previous | None, outcome: Outcome, monthly_cents: int | None, basis: Basis
) -> Action:
    """The action of a new decision, given the one it supersedes."""
    if outcome is Outcome.SUSPENDED:
        return Action.SUSPEND
    if previous is None or previous.outcome is Outcome.INELIGIBLE:
        return Action.GRANT if outcome is Outcome.ELIGIBLE else Action.REFUSE
    if previous.outcome is Outcome.SUSPENDED:
        return Action.REINSTATE if outcome is Outcome.ELIGIBLE else Action.CLOSE
    if outcome is Outcome.INELIGIBLE:
        return Action.CLOSE
    return Action.CONTINUE if monthly_cents == previous.monthly_cents else Action.CHANGE


def is_adverse(action: Action, previous: Previous | None, monthly_cents: int | None) -> bool:
    """Refusals, closures, suspensions and reductions: the client is told of alternatives."""
    if action is Action.CHANGE:
        return previous is not None and (monthly_cents or 0) < (previous.monthly_cents or 0)
    return action in _ADVERSE


@dataclass(frozen=True)
class OverridePolicy:
    """Which overrides need a supervisor's approval (configuration)."""

    to_eligible: bool = True
    amount_increase: bool = True
    to_ineligible: bool = False
    amount_decrease: bool = False


def override_needs_approval(
    policy: OverridePolicy,
    computed: Outcome,
    computed_cents: int | None,
    outcome: Outcome,
    monthly_cents: int | None,
) -> bool:
    """Whether this override must wait for a supervisor."""
    if computed is not outcome:
        return policy.to_eligible if outcome is Outcome.ELIGIBLE else policy.to_ineligible
    if outcome is Outcome.ELIGIBLE and monthly_cents != computed_cents:
        raised = (monthly_cents or 0) > (computed_cents or 0)
        return policy.amount_increase if raised else policy.amount_decrease
    return False


def check_override(
    computed: Outcome, computed_cents: int | None, outcome: Outcome, monthly_cents: int | None
) -> None:
    """An override must change something; an eligible one names its amount, an ineligible one none."""
    if outcome is Outcome.SUSPENDED:
        raise InvalidInput(
            "override.outcome", "must be eligible or ineligible (suspend through a suspension)"
        )
    if outcome is Outcome.ELIGIBLE and monthly_cents is None:
        raise InvalidInput("override.monthly_amount", "is required when overriding to eligible")
    if outcome is Outcome.INELIGIBLE and monthly_cents not in (None, 0):
        raise InvalidInput("override.monthly_amount", "must be empty when overriding to ineligible")
    if outcome is computed and (outcome is Outcome.INELIGIBLE or monthly_cents == computed_cents):
        raise InvalidInput("override", "changes nothing: it repeats the computed result")


def check_checker(
    maker_id: object | None, maker_name: str, checker_id: object | None, checker_name: str
) -> None:
    """Maker-checker: the supervisor who approves is never the officer who asked."""
    same = (
        maker_id == checker_id
        if maker_id is not None and checker_id is not None
        else maker_name == checker_name
    )
    if same:
        raise PermissionDenied("you cannot approve your own override; another supervisor must")


def check_pending(status: str) -> None:
    """Only a pending request can be approved or refused."""
    if RequestStatus(status) is not RequestStatus.PENDING:
        raise InvalidTransition(f"this override request is already {status}")


@dataclass(frozen=True)
class Prepared:
    """Everything a decision records, before it is numbered and written."""

    basis: Basis
    effective_from: dt.date
    outcome: Outcome
    monthly_amount_cents: int | None
    computed_status: str | None
    computed_monthly_cents: int | None
    amounts: dict[str, Any]
    case_data: dict[str, Any]
    provenance: dict[str, Any]
    explanation: dict[str, Any]
    parameters: list[Any]
    rules_version: str
    program_version: str
    overridden: bool = False
    override_reason: str | None = None
    approval_required: bool = False
    note: str | None = None
    source_type: str | None = None
    source_id: uuid.UUID | None = None
    payment_method: str | None = None  # None: direct deposit when the payee has a bank account, else cheque

    def to_payload(self) -> dict[str, Any]:
        """JSON form (an override waiting for approval keeps it)."""
        out = dataclasses.asdict(self)
        out["effective_from"] = self.effective_from.isoformat()
        out["source_id"] = str(self.source_id) if self.source_id else None
        return out

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Prepared:
        """Back from the JSON form."""
        values = dict(data)
        values["basis"] = Basis(values["basis"])
        values["outcome"] = Outcome(values["outcome"])
        values["effective_from"] = dt.date.fromisoformat(values["effective_from"])
        values["source_id"] = uuid.UUID(values["source_id"]) if values.get("source_id") else None
        return cls(**values)
