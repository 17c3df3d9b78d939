"""Entitlements: what a unit is owed, how often, to whom. A change is a new version in the series;
a change back-dated into periods already paid issues the arrears or sets up the overpayment.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from onestop.access import Actor, Permission, Role, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.domain import Frequency, IssuanceState, PaymentMethod, PaymentType
from onestop.money.models import Entitlement, Issuance, Overpayment, Payee
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import issuances
from onestop.money.payments.authority import AuthorityDecision, check_authority
from onestop.money.schemas import EntitlementChange, EntitlementCreate

ENTITLEMENT: support.Recorded[Entitlement] = support.Recorded(
    "entitlement",
    "program",
    "unit_id",
    "amount_cents",
    "frequency",
    "method",
    "start_date",
    "end_date",
    "payee_id",
    "decision_id",
    "state",
)

_COUNTED = {
    IssuanceState.PENDING_APPROVAL,
    IssuanceState.APPROVED,
    IssuanceState.BATCHED,
    IssuanceState.EXPORTED,
    IssuanceState.PAID,
}


def create_entitlement(
    uow: UnitOfWork,
    *,
    actor: Actor,
    data: EntitlementCreate,
    version_id: uuid.UUID | None = None,
) -> Entitlement:
    """Record an entitlement from a recorded decision (``version_id``: the id the decision already
    names for it) (in force at once, within the actor's recurring
    authority); one set up by hand, without a decision, is a request a second person approves."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="entitlement")
        # The file guards (conflicts of interest, restricted files) look at the unit paid.
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="unit", subject_id=data.unit_id)
        domain.positive_cents(data.amount, field="amount")
        _dates(data.start_date, data.end_date)
        support.ensure_unit(uow.session, data.unit_id)
        issuances.payee_for(uow, data.payee_id, data.method)
        program = issuances.parse_program(data.program)
        if data.decision_id is not None:
            check_decision(
                uow,
                data.decision_id,
                program=program,
                unit_id=data.unit_id,
                amount=data.amount,
                start=data.start_date,
            )
        authority = check_authority(actor, PaymentType.RECURRING, program, data.amount)
        why = _needs_second_person(actor, data.decision_id, authority)
        ent = Entitlement(
            id=version_id or new_id(),
            series_id=new_id(),
            supersedes_id=None,
            decision_id=data.decision_id,
            program=program,
            unit_id=data.unit_id,
            payee_id=data.payee_id,
            office_id=data.office_id or actor.office_id,
            amount_cents=data.amount,
            frequency=data.frequency.value,
            method=data.method.value,
            start_date=data.start_date,
            end_date=data.end_date,
            active=why is None,
            state="approved" if why is None else "pending_approval",
            reason=None,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(ent)
        uow.flush()
        if why is not None:
            explanation = (
                data.explanation.strip() or f"new {ent.frequency} {program} entitlement set up by hand"
            )
            _request(uow, actor, ent, authority, why, explanation)
        details = {"authority": authority.reason, "needs_approval": why}
        return ENTITLEMENT.saved(uow, actor, AuditAction.ENTITLEMENT_CREATE, ent, details=details)


def check_decision(
    uow: UnitOfWork,
    decision_id: uuid.UUID,
    *,
    program: str,
    unit_id: uuid.UUID,
    amount: int | None,
    start: dt.date,
    ending: bool = False,
) -> None:
    """Refuse an entitlement that does not say what its decision says (program, unit, amount, start)."""
    facts = repository.decision_facts(uow.session, decision_id)
    if facts is None:
        raise InvalidInput("decision_id", f"no recorded decision with id {decision_id}")
    if facts.program != program:
        raise InvalidInput("program", f"must be the decision's program ({facts.program})")
    if facts.unit_id != unit_id:
        raise InvalidInput("unit_id", "must be the benefit unit the decision is about")
    if facts.effective_from != start:
        raise InvalidInput(
            "start_date", f"must be the date the decision takes effect ({facts.effective_from})"
        )
    if ending:
        return
    if facts.outcome != "eligible":
        raise InvalidInput("decision_id", f"the decision is {facts.outcome}: it pays nothing")
    if amount is not None and facts.monthly_amount_cents != amount:
        raise InvalidInput("amount", "must be the amount the decision sets")


def _needs_second_person(
    actor: Actor, decision_id: uuid.UUID | None, authority: AuthorityDecision
) -> str | None:
    """Why this set-up or change waits for a second person (None: it takes effect now)."""
    if decision_id is None and actor.staff_id is not None:
        return "set up by hand, without a recorded decision: a second person approves it"
    if not authority.allowed:
        return authority.reason
    return None


def _change_needs(actor: Actor, data: EntitlementChange, authority: AuthorityDecision) -> str | None:
    """Why a change waits for a second person: a new payee or method, or an amount no decision set,
    entered by a person; or an amount beyond the actor's recurring authority. Ending needs nobody."""
    by_hand = data.payee_id is not None or data.method is not None
    by_hand = by_hand or (data.amount is not None and data.decision_id is None)
    if by_hand and actor.staff_id is not None:
        return "changed by hand (amount, payee or method without a decision): a second person approves it"
    if data.amount is not None and not authority.allowed:
        return authority.reason
    return None


def _request(
    uow: UnitOfWork, actor: Actor, ent: Entitlement, authority: AuthorityDecision, why: str, explanation: str
) -> None:
    role = authority.needs_approval_by_role or Role.SUPERVISOR
    support.open_request(
        uow,
        actor,
        subject_type="entitlement",
        subject_id=ent.id,
        kind="entitlement",
        role=role.value,
        program=ent.program,
        payment_type=PaymentType.RECURRING.value,
        amount_cents=ent.amount_cents,
        reason=why,
        explanation=explanation,
    )


@dataclass
class ChangeResult:
    """The new version, and what the back-dated part of the change produced.

    ``pending`` is True when the change waits for a second person: the new version is not in force
    (the old one still pays) and nothing back-dated happened yet.
    """

    entitlement: Entitlement
    arrears: list[Issuance] = field(default_factory=list)
    overpayments: list[Overpayment] = field(default_factory=list)
    pending: bool = False


def change_entitlement(
    uow: UnitOfWork,
    *,
    actor: Actor,
    entitlement_id: uuid.UUID,
    data: EntitlementChange,
    version_id: uuid.UUID | None = None,
) -> ChangeResult:
    """Apply a new decision from ``effective_from``; past periods get arrears or an overpayment.

    A change of amount, payee or method without a decision (by hand) is a request: it takes effect
    when a second person approves it.
    """
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="entitlement", subject_id=entitlement_id)
        old = repository.get(uow.session, Entitlement, entitlement_id, kind="entitlement", for_update=True)
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="unit", subject_id=old.unit_id)
        if not old.active or old.state != "approved":
            raise InvalidTransition("this entitlement is not in force; change the version in force")
        reason = data.reason.strip()
        if not reason:
            raise InvalidInput("reason", "is required")
        if data.effective_from < old.start_date:
            raise InvalidInput("effective_from", f"must be on or after the start date {old.start_date}")
        new = _new_version(uow, actor, old, data, version_id)
        if data.decision_id is not None:
            check_decision(
                uow,
                data.decision_id,
                program=old.program,
                unit_id=old.unit_id,
                amount=data.amount,
                start=data.effective_from,
                ending=data.amount is None,
            )
        authority = check_authority(actor, PaymentType.RECURRING, old.program, new.amount_cents)
        why = _change_needs(actor, data, authority)
        if why is None:
            result = put_in_force(uow, actor, new)
        else:
            new.active, new.state = False, "pending_approval"
            _request(uow, actor, new, authority, why, reason)
            result = ChangeResult(new, pending=True)
        ENTITLEMENT.saved(
            uow,
            actor,
            AuditAction.ENTITLEMENT_CHANGE,
            new,
            before=ENTITLEMENT.snapshot(old),
            details={
                "reason": reason,
                "arrears": len(result.arrears),
                "overpayments": len(result.overpayments),
                "needs_approval": why,
            },
        )
    return result


def put_in_force(uow: UnitOfWork, actor: Actor, new: Entitlement) -> ChangeResult:
    """Make a version the one in force (at once, or once approved) and settle its back-dated part."""
    if new.supersedes_id is not None:
        old = repository.get(uow.session, Entitlement, new.supersedes_id, kind="entitlement", for_update=True)
        if not old.active:
            raise InvalidTransition("the entitlement changed since this was requested; ask again")
        old.active = False
        uow.flush()
    new.active, new.state = True, "approved"
    result = ChangeResult(new)
    _retro(uow, actor, new, new.start_date, result)
    return result


def _new_version(
    uow: UnitOfWork, actor: Actor, old: Entitlement, data: EntitlementChange, version_id: uuid.UUID | None
) -> Entitlement:
    """The new version (not yet in force: ``put_in_force`` or an approval does that)."""
    effective_from = data.effective_from
    amount = old.amount_cents if data.amount is None else domain.positive_cents(data.amount, field="amount")
    how = data.method or PaymentMethod(old.method)
    payee = data.payee_id or old.payee_id
    issuances.payee_for(uow, payee, how)
    end = data.end_date if data.end_date is not None else old.end_date
    if end is not None and end < effective_from - dt.timedelta(days=1):
        raise InvalidInput("end_date", "must not be before the day before the change takes effect")
    new = Entitlement(
        id=version_id or new_id(),
        series_id=old.series_id,
        supersedes_id=old.id,
        decision_id=data.decision_id or old.decision_id,
        program=old.program,
        unit_id=old.unit_id,
        payee_id=payee,
        office_id=old.office_id,
        amount_cents=amount,
        frequency=old.frequency,
        method=how.value,
        start_date=effective_from,
        end_date=end,
        active=False,
        state="pending_approval",
        reason=data.reason.strip(),
        created_by=actor.username,
        created_at=uow.clock.now(),
    )
    uow.session.add(new)
    uow.flush()
    return new


def _retro(
    uow: UnitOfWork, actor: Actor, new: Entitlement, effective_from: dt.date, result: ChangeResult
) -> None:
    """Compare, per past period from ``effective_from``, what was issued with what is now due."""
    issued: dict[dt.date, int] = defaultdict(int)
    for iss in repository.series_issuances(uow.session, new.series_id):
        if iss.period_start and iss.period_start >= effective_from and IssuanceState(iss.state) in _COUNTED:
            issued[iss.period_start] += iss.gross_cents
    for op in _series_overpayments(uow, new.series_id):
        if op.period_start and op.period_start >= effective_from:
            issued[op.period_start] -= op.amount_cents
    freq = Frequency(new.frequency)
    due = {p: (new.amount_cents if _covers(new, freq, p) else 0) for p in issued}
    for adj in domain.retro_adjustments(issued, due):
        if adj.difference > 0:
            result.arrears.append(_arrears(uow, actor, new, adj))
        else:
            result.overpayments.append(
                overpayments.open_overpayment(
                    uow,
                    actor=actor,
                    unit_id=new.unit_id,
                    program=new.program,
                    amount_cents=-adj.difference,
                    source="reassessment",
                    reason=f"{new.reason} (period {adj.pay_date})",
                    key=f"retro:{new.id}:{adj.pay_date}",
                    entitlement_id=new.id,
                    period_start=adj.pay_date,
                )
            )


def _covers(ent: Entitlement, freq: Frequency, period: dt.date) -> bool:
    if period < ent.start_date or (ent.end_date is not None and period > ent.end_date):
        return False
    return freq is Frequency.ONE_TIME or period in domain.pay_dates_in_month(freq, period.year, period.month)


def _arrears(uow: UnitOfWork, actor: Actor, ent: Entitlement, adj: domain.Adjustment) -> Issuance:
    today = uow.clock.today()
    support.ensure_open(uow.session, [today], field="effective_from")
    iss = issuances.new_issuance(
        uow,
        actor,
        key=f"arrears:{ent.id}:{adj.pay_date}",
        payment_type=PaymentType.ARREARS,
        program=ent.program,
        unit_id=ent.unit_id,
        payee_id=ent.payee_id,
        entitlement_id=ent.id,
        office_id=ent.office_id,
        method=ent.method,
        pay_date=today,
        period_start=adj.pay_date,
        amount_cents=adj.difference,
        description=f"arrears for {adj.pay_date}: {ent.reason}",
    )
    uow.session.add(iss)
    uow.flush()
    decision = check_authority(actor, PaymentType.ARREARS, ent.program, adj.difference)
    issuances.route_issuance(uow, actor, iss, decision, ent.reason or "back-dated change")
    return iss


def _series_overpayments(uow: UnitOfWork, series_id: uuid.UUID) -> Sequence[Overpayment]:
    versions = select(Entitlement.id).where(Entitlement.series_id == series_id)
    return uow.session.scalars(select(Overpayment).where(Overpayment.entitlement_id.in_(versions))).all()


def get_entitlement(uow: UnitOfWork, *, actor: Actor, entitlement_id: uuid.UUID) -> Entitlement:
    """One entitlement version."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="entitlement", subject_id=entitlement_id)
        found = repository.get(uow.session, Entitlement, entitlement_id, kind="entitlement")
        return ENTITLEMENT.read(uow, actor, AuditAction.ENTITLEMENT_READ, found)


def list_entitlements(uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID) -> Sequence[Entitlement]:
    """Every version of every entitlement of a unit, newest first."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="entitlement")
        query = select(Entitlement).where(Entitlement.unit_id == unit_id)
        found = uow.session.scalars(query.order_by(Entitlement.created_at.desc(), Entitlement.id)).all()
        return ENTITLEMENT.listed(uow, actor, AuditAction.ENTITLEMENT_LIST, found, within=("unit", unit_id))


def _dates(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise InvalidInput("end_date", "must not be before the start date")


__all__ = [
    "ChangeResult",
    "Payee",
    "change_entitlement",
    "create_entitlement",
    "get_entitlement",
    "list_entitlements",
    "put_in_force",
]
