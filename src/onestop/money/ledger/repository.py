"""The ledger's queries: totals, balances, and the cross-checks ``ledger verify`` runs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from onestop.money.domain import IssuanceState
from onestop.money.ledger.domain import Account, Line
from onestop.money.models import Issuance, JournalEntry, JournalLine, Overpayment

L = JournalLine.__table__.c
_COMMITTED = [
    s.value
    for s in (IssuanceState.APPROVED, IssuanceState.BATCHED, IssuanceState.EXPORTED, IssuanceState.PAID)
]
_OWED = [IssuanceState.APPROVED.value, IssuanceState.BATCHED.value]


def entry_lines(session: Session, entry_id: uuid.UUID) -> list[Line]:
    """The lines of one entry, as domain lines."""
    rows = session.execute(select(JournalLine).where(L.entry_id == entry_id).order_by(L.id)).scalars()
    return [
        Line(Account(r.account), r.debit_cents, r.credit_cents, r.unit_id, r.program, r.issuance_id)
        for r in rows
    ]


def totals(session: Session) -> tuple[int, int, int, int]:
    """(entries, lines, debits, credits) over the whole journal."""
    entries = session.scalar(select(func.count()).select_from(JournalEntry)) or 0
    row = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(L.debit_cents), 0),
            func.coalesce(func.sum(L.credit_cents), 0),
        )
    ).one()
    return int(entries), int(row[0]), int(row[1]), int(row[2])


def unbalanced_entries(session: Session, *, limit: int) -> list[tuple[uuid.UUID, int, int, int]]:
    """Entries whose debits differ from their credits or from their stated total."""
    e = JournalEntry.__table__.c
    debits = func.coalesce(func.sum(L.debit_cents), 0)
    credits = func.coalesce(func.sum(L.credit_cents), 0)
    query = (
        select(e.id, debits, credits, e.total_cents)
        .select_from(JournalEntry.__table__.outerjoin(JournalLine.__table__, L.entry_id == e.id))
        .group_by(e.id, e.total_cents)
        .having((debits != credits) | (debits != e.total_cents))
        .limit(limit)
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in session.execute(query)]


def _per_issuance() -> Any:
    expense = func.coalesce(
        func.sum(case((L.account == Account.PROGRAM_EXPENSE.value, L.debit_cents - L.credit_cents), else_=0)),
        0,
    )
    payable = func.coalesce(
        func.sum(case((L.account == Account.CLIENT_PAYABLE.value, L.credit_cents - L.debit_cents), else_=0)),
        0,
    )
    return expense, payable


def issuance_mismatches(session: Session, *, limit: int) -> list[str]:
    """Issuances whose expense and payable postings do not match their amount and state."""
    i = Issuance.__table__.c
    expense, payable = _per_issuance()
    want_expense = case((i.state.in_(_COMMITTED), i.gross_cents), else_=literal(0))
    want_payable = case((i.state.in_(_OWED), i.net_cents), else_=literal(0))
    query = (
        select(i.id, i.state, i.gross_cents, i.net_cents, expense, payable)
        .select_from(Issuance.__table__.outerjoin(JournalLine.__table__, L.issuance_id == i.id))
        .group_by(i.id, i.state, i.gross_cents, i.net_cents)
        .having((expense != want_expense) | (payable != want_payable))
        .limit(limit)
    )
    return [
        f"issuance {r.id} ({r.state}, gross {r.gross_cents}, net {r.net_cents}): "
        f"ledger shows expense {r[4]} and payable {r[5]}"
        for r in session.execute(query)
    ]


def overpayment_mismatches(session: Session, *, limit: int) -> list[str]:
    """Units whose overpayment receivable differs from the balances of their overpayments."""
    o = Overpayment.__table__.c
    ledger = {
        (r[0], r[1]): int(r[2])
        for r in session.execute(
            select(L.unit_id, L.program, func.sum(L.debit_cents - L.credit_cents))
            .where(L.account == Account.OVERPAYMENT_RECEIVABLE.value)
            .group_by(L.unit_id, L.program)
        )
    }
    books = {
        (r[0], r[1]): int(r[2])
        for r in session.execute(
            select(o.unit_id, o.program, func.sum(o.balance_cents)).group_by(o.unit_id, o.program)
        )
    }
    problems = [
        f"unit {key[0]} program {key[1]}: receivable {ledger.get(key, 0)}, "
        f"but its overpayments owe {books.get(key, 0)}"
        for key in sorted(set(ledger) | set(books), key=str)
        if ledger.get(key, 0) != books.get(key, 0)
    ]
    in_transit = session.scalar(
        select(func.coalesce(func.sum(L.credit_cents - L.debit_cents), 0)).where(
            L.account == Account.BENEFITS_PAYABLE.value
        )
    )
    exported = session.scalar(
        select(func.coalesce(func.sum(Issuance.net_cents), 0)).where(
            Issuance.state == IssuanceState.EXPORTED.value
        )
    )
    if int(in_transit or 0) != int(exported or 0):
        problems.append(f"benefits payable {in_transit} != exported and unsettled issuances {exported}")
    return problems[:limit]


def balances(session: Session, *, unit_id: uuid.UUID | None = None) -> Sequence[Any]:
    """Balances (debit - credit) per account, unit and program."""
    query = select(L.account, L.unit_id, L.program, func.sum(L.debit_cents - L.credit_cents).label("balance"))
    if unit_id is not None:
        query = query.where(L.unit_id == unit_id)
    return session.execute(query.group_by(L.account, L.unit_id, L.program).order_by(L.account)).all()
