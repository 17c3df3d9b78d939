"""The money side of a decision, through the money area's services (never its tables).

How a program pays comes from the decision policy (``payments``). For a monthly program, an eligible
decision creates the unit's entitlement, or changes the amount of the one in force; a refusal,
closure or suspension ends it the day before the decision takes effect. Back-dated changes get
their arrears or overpayments from the money area itself. A one-time program (the Alberta funeral
benefit) becomes one issuance of the decided amount, routed through the spending authority like any
other payment; a per-claim program pays nothing from the decision itself.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import money
from onestop.access import Actor
from onestop.cases.applications import Application
from onestop.cases.decisions.domain import Action, Outcome, Prepared
from onestop.cases.decisions.models import Decision
from onestop.cases.decisions.policy import HowPaid
from onestop.cases.decisions.repository import DecisionRepository
from onestop.db import UnitOfWork
from onestop.money.models import Entitlement, Payee


def sync(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    previous: Decision | None,
    prepared: Prepared,
    action: Action,
    decision_id: uuid.UUID,
    how: HowPaid | None = None,
) -> uuid.UUID | None:
    """Create, change or end the entitlement this decision implies; the entitlement version it leaves.

    The decision ``decision_id`` is already stored (the entitlement points at it by foreign key).
    """
    how = how or HowPaid("monthly")
    if how.frequency != "monthly":
        if how.frequency == "one_time" and prepared.outcome is Outcome.ELIGIBLE:
            _one_time(uow, actor, app, prepared, decision_id, how)
        return None
    on = prepared.effective_from
    active = _active(uow, actor, app, on)
    reason = f"decision on {app.program}: {action.value} ({prepared.basis.value})"
    cents = prepared.monthly_amount_cents or 0
    if prepared.outcome is Outcome.ELIGIBLE and cents > 0:
        if active is None:
            return _create(uow, actor, app, prepared, cents, decision_id)
        if active.amount_cents == cents:
            return active.id
        changed = money.change_entitlement(
            uow,
            actor=actor,
            entitlement_id=active.id,
            data=money.EntitlementChange(
                effective_from=on, reason=reason, amount=cents, decision_id=decision_id
            ),
        )
        return changed.entitlement.id
    if active is None:
        return None
    ended = money.change_entitlement(
        uow,
        actor=actor,
        entitlement_id=active.id,
        data=money.EntitlementChange(
            effective_from=on, reason=reason, end_date=on - dt.timedelta(days=1), decision_id=decision_id
        ),
    )
    return ended.entitlement.id


def _active(uow: UnitOfWork, actor: Actor, app: Application, on: dt.date) -> Entitlement | None:
    """The unit's entitlement for this program in force on ``on`` (newest if several)."""
    versions = money.list_entitlements(uow, actor=actor, unit_id=app.unit_id)
    current = [
        e
        for e in versions
        if e.program == app.program and e.active and (e.end_date is None or e.end_date >= on)
    ]
    return current[0] if current else None


def _create(
    uow: UnitOfWork, actor: Actor, app: Application, prepared: Prepared, cents: int, decision_id: uuid.UUID
) -> uuid.UUID:
    payee = _client_payee(uow, actor, app.applicant_id)
    method = prepared.payment_method or ("direct_deposit" if payee.account_masked else "cheque")
    data = money.EntitlementCreate(
        program=app.program,
        unit_id=app.unit_id,
        payee_id=payee.id,
        amount=cents,
        frequency="monthly",
        method=method,
        start_date=prepared.effective_from,
        decision_id=decision_id,
        office_id=app.office_id,
    )
    ent = money.create_entitlement(uow, actor=actor, data=data)
    return ent.id


def _one_time(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    prepared: Prepared,
    decision_id: uuid.UUID,
    how: HowPaid,
) -> None:
    """One issuance of the decided amount, within the officer's authority or sent for approval."""
    cents = prepared.monthly_amount_cents or 0
    if cents <= 0:
        return
    payee = _client_payee(uow, actor, app.applicant_id)
    method = prepared.payment_method or ("direct_deposit" if payee.account_masked else "cheque")
    money.issue_payment(
        uow,
        actor=actor,
        data=money.IssuanceCreate(
            payment_type=how.payment_type,
            program=app.program,
            unit_id=app.unit_id,
            payee_id=payee.id,
            amount=cents,
            method=method,
            pay_date=max(prepared.effective_from, uow.clock.today()),
            office_id=app.office_id,
            idempotency_key=f"decision:{decision_id}",
            explanation=f"one-time benefit from the decision on {app.program}",
        ),
    )


def _client_payee(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> Payee:
    """The applicant as a payee: the one on file, or a new one in their name."""
    for payee in money.list_payees(uow, actor=actor, person_id=person_id):
        if payee.kind == "client":
            return payee
    name = DecisionRepository(uow.session).person_name(person_id)
    return money.create_payee(
        uow, actor=actor, data=money.PayeeCreate(kind="client", name=name, person_id=person_id)
    )
