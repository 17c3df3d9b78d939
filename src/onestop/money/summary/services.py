"""Reading a unit's money for the client 360 (which is itself one audited read of the person).

This takes a session, not a unit of work: the caller (``client_360``) has already checked access and
records the read; the queries are a handful per unit, each on an indexed column.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop.money.domain import IssuanceState, ItemState
from onestop.money.ledger import repository as ledger_queries
from onestop.money.ledger.domain import Account
from onestop.money.models import (
    BatchItem,
    Entitlement,
    Issuance,
    Overpayment,
    Payee,
    PaymentBatch,
    Recovery,
)
from onestop.money.summary.schemas import (
    EntitlementLine,
    OverpaymentLine,
    PaymentLine,
    RecoveryLine,
    UnitBalance,
    UnitMoney,
)

L = TypeVar("L", bound=BaseModel)

#: How many payments of a unit the person page lists (newest pay date first).
RECENT_PAYMENTS = 24

_IN_BATCH = {IssuanceState.BATCHED.value, IssuanceState.EXPORTED.value}


def unit_money(
    session: Session, unit_ids: Sequence[uuid.UUID], *, today: dt.date, recent: int = RECENT_PAYMENTS
) -> list[UnitMoney]:
    """Each unit's entitlements, recent payments, overpayments and balance (units with none are left out)."""
    out = []
    for unit_id in unit_ids:
        found = _one(session, unit_id, today, recent)
        if found.entitlements or found.payments or found.overpayments:
            out.append(found)
    return out


def _one(session: Session, unit_id: uuid.UUID, today: dt.date, recent: int) -> UnitMoney:
    entitlements = [
        _line(EntitlementLine, e, current=e.active and (e.end_date is None or e.end_date >= today))
        for e in session.scalars(
            select(Entitlement)
            .where(Entitlement.unit_id == unit_id)
            .order_by(Entitlement.created_at.desc(), Entitlement.id)
        )
    ]
    payments = _payments(session, unit_id, recent)
    return UnitMoney(
        unit_id=unit_id,
        entitlements=entitlements,
        payments=payments,
        overpayments=_overpayments(session, unit_id),
        balance=_balance(session, unit_id),
        where=where_is_my_payment(payments, today),
    )


def _payments(session: Session, unit_id: uuid.UUID, recent: int) -> list[PaymentLine]:
    rows = session.execute(
        select(Issuance, Payee.name, Payee.account_masked)
        .join(Payee, Payee.id == Issuance.payee_id)
        .where(Issuance.unit_id == unit_id)
        .order_by(Issuance.pay_date.desc(), Issuance.created_at.desc())
        .limit(recent)
    ).all()
    latest: dict[uuid.UUID, tuple[BatchItem, str]] = {}
    if rows:
        items = session.execute(
            select(BatchItem, PaymentBatch.number)
            .join(PaymentBatch, PaymentBatch.id == BatchItem.batch_id)
            .where(BatchItem.issuance_id.in_([r[0].id for r in rows]))
            .order_by(BatchItem.attempt)
        ).all()
        for found, batch_number in items:
            latest[found.issuance_id] = (found, batch_number)  # the last attempt wins
    out = []
    for issuance, payee_name, masked in rows:
        item: BatchItem | None = None
        number: str | None = None
        if issuance.id in latest:
            item, number = latest[issuance.id]
        returned = item is not None and item.state == ItemState.RETURNED.value
        out.append(
            _line(
                PaymentLine,
                issuance,
                status=_status(issuance.state, returned=returned),
                payee_name=payee_name,
                account_masked=masked,
                cheque_number=(item.cheque_number if item is not None else None) or issuance.cheque_number,
                voucher_number=issuance.voucher_number,
                batch_number=number,
                return_reason=item.return_reason if returned and item is not None else None,
            )
        )
    return out


def _status(state: str, *, returned: bool) -> str:
    """The officer's word for an issuance's state (see ``PaymentLine``)."""
    if state == IssuanceState.APPROVED.value:
        return "returned" if returned else "generated"
    if state in _IN_BATCH:
        return "in_batch"
    return state  # pending_approval, paid, cancelled, rejected


def where_is_my_payment(payments: Sequence[PaymentLine], today: dt.date) -> PaymentLine | None:
    """The payment a caller asks about: the next one not yet paid, else the last one paid or returned."""
    waiting = [p for p in payments if p.status in ("pending_approval", "generated", "in_batch", "returned")]
    if waiting:
        return min(waiting, key=lambda p: p.pay_date)
    done = [p for p in payments if p.status == "paid"]
    return done[0] if done else None


def _overpayments(session: Session, unit_id: uuid.UUID) -> list[OverpaymentLine]:
    rows = session.scalars(
        select(Overpayment).where(Overpayment.unit_id == unit_id).order_by(Overpayment.created_at.desc())
    ).all()
    recoveries: dict[uuid.UUID, list[RecoveryLine]] = defaultdict(list)
    if rows:
        for r in session.scalars(
            select(Recovery)
            .where(Recovery.overpayment_id.in_([o.id for o in rows]))
            .order_by(Recovery.recorded_at)
        ):
            recoveries[r.overpayment_id].append(_line(RecoveryLine, r))
    return [_line(OverpaymentLine, o, recoveries=recoveries.get(o.id, [])) for o in rows]


def _line(schema: type[L], row: object, **computed: object) -> L:
    """A line of the page: the row's columns of the same names, and what the page works out itself."""
    columns = {name: getattr(row, name) for name in schema.model_fields if name not in computed}
    return schema.model_validate({**columns, **computed})


def _balance(session: Session, unit_id: uuid.UUID) -> UnitBalance:
    balance = UnitBalance()
    for r in ledger_queries.balances(session, unit_id=unit_id):
        if r.account == Account.CLIENT_PAYABLE.value:
            balance.owed_cents -= int(r.balance)
        elif r.account == Account.OVERPAYMENT_RECEIVABLE.value:
            balance.overpayment_owed_cents += int(r.balance)
    i = Issuance.__table__.c
    for state, net in session.execute(
        select(i.state, func.sum(i.net_cents))
        .where(i.unit_id == unit_id, i.state.in_([IssuanceState.PAID.value, IssuanceState.EXPORTED.value]))
        .group_by(i.state)
    ):
        if state == IssuanceState.PAID.value:
            balance.paid_cents += int(net)
        else:
            balance.in_transit_cents += int(net)
    return balance
