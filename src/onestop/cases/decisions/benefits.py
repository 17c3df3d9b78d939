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
from dataclasses import dataclass

from onestop import money
from onestop.access import Actor
from onestop.cases.applications import Application
from onestop.cases.decisions.domain import Action, Outcome, Prepared
from onestop.cases.decisions.policy import HowPaid
from onestop.cases.decisions.repository import DecisionRepository
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import Entitlement, Payee


@dataclass(frozen=True)
class Plan:
    """What a decision does to the money, worked out before the decision is stored: the version in
    force, and the id of the entitlement version the decision will leave (given to money, so the
    decision row is written once, complete, and the entitlement points back at it by foreign key)."""

    how: HowPaid
    active: Entitlement | None
    entitlement_id: uuid.UUID | None
    creates: bool


def plan(uow: UnitOfWork, actor: Actor, app: Application, prepared: Prepared, how: HowPaid) -> Plan:
    """Which entitlement version the decision will leave (a new one, the one in force, or none)."""
    if how.frequency != "monthly":
        return Plan(how, None, None, False)
    active = _active(uow, actor, app, prepared.effective_from)
    cents = prepared.monthly_amount_cents or 0
    if prepared.outcome is Outcome.ELIGIBLE and cents > 0:
        if active is not None and active.amount_cents == cents:
            return Plan(how, active, active.id, False)
        return Plan(how, active, new_id(), True)
    if active is None:
        return Plan(how, None, None, False)
    return Plan(how, active, new_id(), True)


def sync(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    prepared: Prepared,
    action: Action,
    decision_id: uuid.UUID,
    planned: Plan,
) -> None:
    """Create, change or end the entitlement the stored decision ``decision_id`` implies (as planned),
    or issue its one-time benefit."""
    if planned.how.frequency != "monthly":
        if planned.how.frequency == "one_time" and prepared.outcome is Outcome.ELIGIBLE:
            _one_time(uow, actor, app, prepared, decision_id, planned.how)
        return
    if not planned.creates or planned.entitlement_id is None:
        return
    on, active = prepared.effective_from, planned.active
    reason = f"decision on {app.program}: {action.value} ({prepared.basis.value})"
    cents = prepared.monthly_amount_cents or 0
    if active is None:
        _create(uow, actor, app, prepared, cents, decision_id, planned.entitlement_id)
        return
    if prepared.outcome is Outcome.ELIGIBLE and cents > 0:
        change = money.EntitlementChange(
            effective_from=on, reason=reason, amount=cents, decision_id=decision_id
        )
    else:
        change = money.EntitlementChange(
            effective_from=on, reason=reason, end_date=on - dt.timedelta(days=1), decision_id=decision_id
        )
    money.change_entitlement(
        uow, actor=actor, entitlement_id=active.id, data=change, version_id=planned.entitlement_id
    )


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
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    prepared: Prepared,
    cents: int,
    decision_id: uuid.UUID,
    version_id: uuid.UUID,
) -> None:
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
    money.create_entitlement(uow, actor=actor, data=data, version_id=version_id)


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
