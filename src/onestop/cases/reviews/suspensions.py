"""Suspending and reinstating a benefit, each with its reason, as new decisions.

A suspension carries the decision in force forward with the outcome ``suspended`` (the entitlement
ends the day before); a reinstatement restores the last eligible decision's outcome and amount (the
entitlement starts again). To change the amount, conduct a review instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications import ApplicationRepository, ApplicationStatus
from onestop.cases.decisions import (
    Basis,
    Decision,
    DecisionRepository,
    Outcome,
    Prepared,
    current_decision,
    prepare_copy,
    record_decision,
)
from onestop.cases.decisions.schemas import DecisionPublic
from onestop.cases.reviews.schemas import BenefitHold
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.text import required_text
from onestop.db import UnitOfWork, expect_version


def suspension(
    previous: Decision | None, today: dt.date, on: dt.date | None, reason: str, **extra: Any
) -> Prepared:
    """A suspension of the decision in force (which must be eligible)."""
    if previous is None or previous.outcome != Outcome.ELIGIBLE:
        state = previous.outcome if previous else "undecided"
        raise InvalidTransition(f"only an eligible benefit can be suspended (this one is {state})")
    day = _date(previous, today, on)
    return prepare_copy(previous, Basis.SUSPENSION, Outcome.SUSPENDED, None, day, note=reason, **extra)


def suspend_benefit(uow: UnitOfWork, *, actor: Actor, data: BenefitHold) -> DecisionPublic:
    """Suspend the benefit from a date, with the reason (e.g. the client did not attend the review)."""
    with uow:
        app, reason = _hold(uow, actor, data)
        prepared = suspension(current_decision(uow, app.id), uow.clock.today(), data.effective_from, reason)
        decision = record_decision(uow, actor, app, prepared)
        _audit(uow, actor, AuditAction.DECISION_SUSPEND, decision, reason)
        uow.commit()
        return DecisionPublic.of(decision)


def reinstate_benefit(uow: UnitOfWork, *, actor: Actor, data: BenefitHold) -> DecisionPublic:
    """Reinstate a suspended benefit from a date, as it was before the suspension."""
    with uow:
        app, reason = _hold(uow, actor, data)
        previous = current_decision(uow, app.id)
        if previous is None or previous.outcome != Outcome.SUSPENDED:
            state = previous.outcome if previous else "undecided"
            raise InvalidTransition(f"only a suspended benefit can be reinstated (this one is {state})")
        eligible = _last_eligible(uow, previous)
        day = _date(previous, uow.clock.today(), data.effective_from)
        cents = eligible.monthly_amount_cents
        prepared = prepare_copy(eligible, Basis.REINSTATEMENT, Outcome.ELIGIBLE, cents, day, note=reason)
        decision = record_decision(uow, actor, app, prepared)
        _audit(uow, actor, AuditAction.DECISION_REINSTATE, decision, reason)
        uow.commit()
        return DecisionPublic.of(decision)


def _hold(uow: UnitOfWork, actor: Actor, data: BenefitHold) -> tuple[Any, str]:
    require(uow, actor, Permission.DECISION_MAKE, subject_type="application", subject_id=data.application_id)
    require(uow, actor, Permission.REVIEW_WRITE, subject_type="application", subject_id=data.application_id)
    reason = required_text(data.reason, "reason", max_len=4000)
    app = ApplicationRepository(uow.session).get(data.application_id, for_update=True)
    expect_version(app.version, data.version, what="application")
    if app.status != ApplicationStatus.DECIDED:
        raise InvalidTransition(f"an application that is {app.status} has no benefit to suspend or reinstate")
    return app, reason


def _last_eligible(uow: UnitOfWork, suspended: Decision) -> Decision:
    repo = DecisionRepository(uow.session)
    row: Decision | None = suspended
    while row is not None and row.outcome != Outcome.ELIGIBLE:
        row = repo.get(row.supersedes_id) if row.supersedes_id else None
    if row is None:
        raise InvalidTransition("no eligible decision precedes this suspension")
    return row


def _date(previous: Decision, today: dt.date, on: dt.date | None) -> dt.date:
    day = on or today
    if day < previous.effective_from:
        raise InvalidInput(
            "effective_from", f"must not be before the decision in force ({previous.effective_from})"
        )
    return day


def _audit(uow: UnitOfWork, actor: Actor, action: AuditAction, decision: Decision, reason: str) -> None:
    audit.record(
        uow,
        actor=actor,
        action=action,
        subject_type="decision",
        subject_id=decision.id,
        details={"application_id": decision.application_id, "reason": reason},
    )
