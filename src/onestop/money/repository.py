"""The money area's queries (the ledger's are in ``ledger_queries``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Select,
    String,
    TextClause,
    Uuid,
    column,
    func,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from onestop.money.domain import IssuanceState
from onestop.money.errors import MoneyNotFound
from onestop.money.models import (
    ApprovalRequest,
    BatchItem,
    Budget,
    Cheque,
    ClosedPeriod,
    Entitlement,
    Invoice,
    Issuance,
    Overpayment,
    Payee,
    PaymentBatch,
)

T = TypeVar("T")


def get(session: Session, model: type[T], ident: uuid.UUID, *, kind: str, for_update: bool = False) -> T:
    """A record by id, or ``MoneyNotFound`` naming its kind; ``for_update`` locks the row."""
    found = session.get(model, ident, with_for_update=for_update)
    if found is None:
        raise MoneyNotFound(kind, ident)
    return found


def closed_months(session: Session, months: Iterable[str]) -> set[str]:
    """Which of these months are closed."""
    wanted = set(months)
    if not wanted:
        return set()
    rows = session.scalars(select(ClosedPeriod.month).where(ClosedPeriod.month.in_(wanted)))
    return set(rows)


def find_issuance_by_key(session: Session, key: str) -> Issuance | None:
    """The issuance made for an idempotency key."""
    return session.scalar(select(Issuance).where(Issuance.idempotency_key == key))


def existing_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """Which of these idempotency keys are taken (looked up in chunks)."""
    found: set[str] = set()
    for start in range(0, len(keys), 5000):
        chunk = keys[start : start + 5000]
        found |= set(
            session.scalars(select(Issuance.idempotency_key).where(Issuance.idempotency_key.in_(chunk)))
        )
    return found


def entitlements_for_month(
    session: Session, first: dt.date, last: dt.date, *, where: ColumnElement[bool] | TextClause | None = None
) -> Sequence[Any]:
    """Active entitlements that may pay in a month (plain rows, for bulk generation), optionally
    only those matching ``where``."""
    e = Entitlement.__table__.c
    query = select(
        e.id,
        e.series_id,
        e.program,
        e.unit_id,
        e.payee_id,
        e.office_id,
        e.amount_cents,
        e.frequency,
        e.method,
        e.start_date,
        e.end_date,
    ).where(
        e.active.is_(True),
        e.state == "approved",
        e.start_date <= last,
        (e.end_date.is_(None)) | (e.end_date >= first),
    )
    if where is not None:
        query = query.where(where)
    return session.execute(query.order_by(e.start_date, e.id)).all()


def series_issuances(session: Session, series_id: uuid.UUID) -> Sequence[Issuance]:
    """Recurring and arrears issuances of every version of an entitlement."""
    versions = select(Entitlement.id).where(Entitlement.series_id == series_id)
    return session.scalars(
        select(Issuance).where(Issuance.entitlement_id.in_(versions)).order_by(Issuance.pay_date)
    ).all()


def open_overpayments(
    session: Session, keys: set[tuple[uuid.UUID, str]] | None = None
) -> Sequence[Overpayment]:
    """Open overpayments, oldest first (recovered in that order)."""
    query = select(Overpayment).where(Overpayment.state == "open", Overpayment.balance_cents > 0)
    found = session.scalars(query.order_by(Overpayment.created_at, Overpayment.id)).all()
    return found if keys is None else [o for o in found if (o.unit_id, o.program) in keys]


def pending_approvals(session: Session, *, roles: set[str] | None, limit: int) -> Sequence[ApprovalRequest]:
    """The approval queue, oldest first."""
    query = select(ApprovalRequest).where(ApprovalRequest.state == "pending")
    if roles is not None:
        query = query.where(ApprovalRequest.needed_role.in_(roles))
    return session.scalars(query.order_by(ApprovalRequest.created_at, ApprovalRequest.id).limit(limit)).all()


def approval_for(session: Session, subject_id: uuid.UUID) -> ApprovalRequest | None:
    """The pending approval request of a subject, if any."""
    return session.scalar(
        select(ApprovalRequest).where(
            ApprovalRequest.subject_id == subject_id, ApprovalRequest.state == "pending"
        )
    )


def list_issuances(
    session: Session, *, unit_id: uuid.UUID | None, state: str | None, limit: int
) -> Sequence[Issuance]:
    """Issuances, newest pay date first."""
    query = select(Issuance)
    if unit_id is not None:
        query = query.where(Issuance.unit_id == unit_id)
    if state is not None:
        query = query.where(Issuance.state == state)
    return session.scalars(query.order_by(Issuance.pay_date.desc(), Issuance.id).limit(limit)).all()


def batchable(session: Session, pay_date: dt.date, methods: Sequence[str]) -> Sequence[Any]:
    """(id, attempts, method, net) of approved issuances due by a pay date, in a stable order."""
    i = Issuance.__table__.c
    query = (
        select(i.id, i.attempts, i.method, i.net_cents)
        .where(i.state == IssuanceState.APPROVED.value, i.pay_date <= pay_date, i.method.in_(methods))
        .order_by(i.pay_date, i.id)
    )
    return session.execute(query).all()


def batchable_totals(session: Session, pay_date: dt.date, methods: Sequence[str]) -> tuple[int, int]:
    """How many approved issuances are due by a pay date, and their net total."""
    i = Issuance.__table__.c
    row = session.execute(
        select(func.count(), func.coalesce(func.sum(i.net_cents), 0)).where(
            i.state == IssuanceState.APPROVED.value, i.pay_date <= pay_date, i.method.in_(methods)
        )
    ).one()
    return int(row[0]), int(row[1])


def find_batch_by_key(session: Session, key: str) -> PaymentBatch | None:
    """The batch made for an idempotency key."""
    return session.scalar(select(PaymentBatch).where(PaymentBatch.idempotency_key == key))


def count_batches_on(session: Session, pay_date: dt.date) -> int:
    """How many batches exist for a pay date (to number the next)."""
    return int(session.scalar(select(func.count()).where(PaymentBatch.pay_date == pay_date)) or 0)


def list_batches(session: Session, *, limit: int) -> Sequence[PaymentBatch]:
    """Batches, newest first."""
    return session.scalars(
        select(PaymentBatch).order_by(PaymentBatch.pay_date.desc(), PaymentBatch.number.desc()).limit(limit)
    ).all()


def batch_items(session: Session, batch_id: uuid.UUID) -> Sequence[BatchItem]:
    """Items of a batch in file order."""
    return session.scalars(
        select(BatchItem).where(BatchItem.batch_id == batch_id).order_by(BatchItem.seq)
    ).all()


def export_page(batch_id: uuid.UUID, methods: Sequence[str], *, after_seq: int, chunk: int) -> Select[Any]:
    """One page of a payment file: the items after ``after_seq`` in file order, with their issuance
    and payee. A keyset page on the unique ``(batch_id, seq)`` index: each page costs the same
    however far into a 1M-item batch it is (without the index the planner joined every remaining
    item for every page: quadratic). ``tests/integration/money/test_query_plans.py`` keeps it so."""
    b, i, p = BatchItem.__table__.c, Issuance.__table__.c, Payee.__table__.c
    return (
        select(
            b.seq,
            b.end_to_end_id,
            b.net_cents,
            b.method,
            b.cheque_number,
            i.id.label("issuance_id"),
            i.pay_date,
            i.program,
            i.payment_type,
            p.name,
            p.institution,
            p.transit,
            p.account_ciphertext,
        )
        .select_from(
            BatchItem.__table__.join(Issuance.__table__, b.issuance_id == i.id).join(
                Payee.__table__, i.payee_id == p.id
            )
        )
        .where(b.batch_id == batch_id, b.method.in_(methods), b.seq > after_seq)
        .order_by(b.seq)
        .limit(chunk)
    )


def export_rows(
    session: Session, batch_id: uuid.UUID, methods: Sequence[str], *, chunk: int
) -> Iterable[Any]:
    """What a payment file needs per item (item, issuance and payee), streamed in file order."""
    last = -1
    while True:
        rows = session.execute(export_page(batch_id, methods, after_seq=last, chunk=chunk)).all()
        yield from rows
        if len(rows) < chunk:
            return
        last = rows[-1].seq


def refresh_statistics(session: Session, *tables: str) -> None:
    """After a bulk insert (a batch of a million items), PostgreSQL's planner still believes the
    table holds what it held before and picks plans for a handful of rows; ANALYZE corrects it inside
    the same transaction (it counts the transaction's own new rows). SQLite plans without them."""
    if session.get_bind().dialect.name == "postgresql":
        for name in tables:
            session.execute(text(f"ANALYZE {name}"))


def max_cheque_number(session: Session) -> int | None:
    """The highest numeric cheque number used or reserved so far."""
    used = session.scalars(select(Cheque.number)).all()
    reserved = session.scalars(
        select(BatchItem.cheque_number).where(BatchItem.cheque_number.is_not(None))
    ).all()
    numbers = [int(n) for n in [*used, *reserved] if n and n.isdigit()]
    return max(numbers) if numbers else None


def cheque_taken(session: Session, number: str) -> bool:
    """Whether a cheque number is in the register or promised to a pending manual cheque."""
    if session.get(Cheque, number) is not None:
        return True
    pending = select(Issuance.id).where(
        Issuance.cheque_number == number, Issuance.state == IssuanceState.PENDING_APPROVAL.value
    )
    return session.scalar(pending) is not None


def cheque_register(session: Session, *, batch_id: uuid.UUID | None) -> Sequence[Cheque]:
    """Cheques in number order, for one batch or all."""
    query = select(Cheque)
    if batch_id is not None:
        query = query.where(Cheque.batch_id == batch_id)
    return session.scalars(query.order_by(Cheque.number)).all()


def find_budget(session: Session, program: str, office_id: uuid.UUID, year: int) -> Budget | None:
    """The budget line for a program, office and fiscal year."""
    return session.scalar(
        select(Budget).where(
            Budget.program == program, Budget.office_id == office_id, Budget.fiscal_year == year
        )
    )


def budget_usage(session: Session, year: int) -> Sequence[Any]:
    """(program, office, committed, spent) for a fiscal year, from the issuances."""
    i = Issuance.__table__.c
    committed_states = [
        IssuanceState.APPROVED,
        IssuanceState.BATCHED,
        IssuanceState.EXPORTED,
        IssuanceState.PAID,
    ]
    spent = func.sum(func.coalesce(i.gross_cents, 0)).filter(i.state == IssuanceState.PAID.value)
    query = (
        select(i.program, i.office_id, func.sum(i.gross_cents), spent)
        .where(i.fiscal_year == year, i.state.in_([s.value for s in committed_states]))
        .group_by(i.program, i.office_id)
    )
    return session.execute(query).all()


def budgets_for(session: Session, year: int) -> Sequence[Budget]:
    """Budget lines of a fiscal year."""
    return session.scalars(select(Budget).where(Budget.fiscal_year == year)).all()


def list_overpayments(session: Session, *, unit_id: uuid.UUID | None) -> Sequence[Overpayment]:
    """Overpayments, newest first."""
    query = select(Overpayment)
    if unit_id is not None:
        query = query.where(Overpayment.unit_id == unit_id)
    return session.scalars(query.order_by(Overpayment.created_at.desc())).all()


def find_overpayment_by_key(session: Session, key: str) -> Overpayment | None:
    """The overpayment made for an idempotency key."""
    return session.scalar(select(Overpayment).where(Overpayment.idempotency_key == key))


def list_invoices(session: Session, *, state: str | None) -> Sequence[Invoice]:
    """Invoices, newest first."""
    query = select(Invoice)
    if state is not None:
        query = query.where(Invoice.state == state)
    return session.scalars(query.order_by(Invoice.received_on.desc(), Invoice.id)).all()


def find_invoice(session: Session, payee_id: uuid.UUID, reference: str) -> Invoice | None:
    """An invoice by vendor and the vendor's own number."""
    return session.scalar(
        select(Invoice).where(Invoice.payee_id == payee_id, Invoice.vendor_reference == reference)
    )


#: States of an issuance that count against a cumulative authority limit (issued or waiting).
_COUNTED_STATES = (
    IssuanceState.PENDING_APPROVAL.value,
    IssuanceState.APPROVED.value,
    IssuanceState.BATCHED.value,
    IssuanceState.EXPORTED.value,
    IssuanceState.PAID.value,
)


def issued_in_period(
    session: Session, *, unit_id: uuid.UUID, payment_type: str, first: dt.date, last: dt.date
) -> int:
    """Cents a unit already has of one payment type with a pay date in ``first..last`` (issued or pending)."""
    query = select(func.coalesce(func.sum(Issuance.gross_cents), 0)).where(
        Issuance.unit_id == unit_id,
        Issuance.payment_type == payment_type,
        Issuance.pay_date >= first,
        Issuance.pay_date <= last,
        Issuance.state.in_(_COUNTED_STATES),
    )
    return int(session.scalar(query) or 0)


#: The case-work decision table, read by name: money checks an entitlement against the decision it
#: claims to come from without importing the cases area (which builds on money).
_decision = table(
    "decision",
    column("id", Uuid),
    column("program", String),
    column("unit_id", Uuid),
    column("outcome", String),
    column("effective_from", Date),
    column("monthly_amount_cents", BigInteger),
)


def decision_facts(session: Session, decision_id: uuid.UUID) -> Any | None:
    """The program, unit, outcome, start and amount of a recorded decision (None if there is none)."""
    d = _decision.c
    query = select(d.program, d.unit_id, d.outcome, d.effective_from, d.monthly_amount_cents)
    return session.execute(query.where(d.id == decision_id)).first()
