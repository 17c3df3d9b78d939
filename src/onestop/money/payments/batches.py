"""Payment batches: built for a pay date from approved issuances, approved by someone else (maker
and checker differ), then exported (``exports``) and reconciled (``reconcile``).

Each step is one transaction guarded by the batch's state, so running a step again after a crash
either finds it done (and returns) or does it once; nothing is paid twice and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import bulk, domain, repository, support
from onestop.money.domain import (
    BATCH_TRANSITIONS,
    BatchState,
    IssuanceState,
    ItemState,
    PaymentMethod,
    transition,
)
from onestop.money.errors import SelfApproval
from onestop.money.models import BatchItem, Cheque, ClosedPeriod, Issuance, PaymentBatch, table
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import run_sql

BANK_METHODS = (PaymentMethod.DIRECT_DEPOSIT.value, PaymentMethod.THIRD_PARTY.value)
BATCH_METHODS = (*BANK_METHODS, PaymentMethod.CHEQUE.value)

BATCH: support.Recorded[PaymentBatch] = support.Recorded(
    "batch", "number", "state", "pay_date", "item_count", "total_cents"
)


def build_batch(
    uow: UnitOfWork, *, actor: Actor, pay_date: dt.date, idempotency_key: str | None = None
) -> PaymentBatch:
    """Gather every approved payment due by ``pay_date``; building the same key again returns the batch."""
    key = idempotency_key or f"run:{pay_date.isoformat()}"
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_BUILD, subject_type="batch")
        existing = repository.find_batch_by_key(uow.session, key)
        if existing is not None:
            return support.kept(uow, existing)
        support.ensure_open(uow.session, [pay_date], field="pay_date")
        in_sql = uow.session.get_bind().dialect.name == "postgresql"
        rows: Sequence[Any] = ()
        if in_sql:  # the items are made by the database (one INSERT ... SELECT), not fetched and sent back
            count, total = repository.batchable_totals(uow.session, pay_date, BATCH_METHODS)
        else:
            rows = repository.batchable(uow.session, pay_date, BATCH_METHODS)
            count, total = len(rows), sum(r.net_cents for r in rows)
        if not count:
            raise InvalidInput("pay_date", f"no approved payment is due by {pay_date.isoformat()}")
        number = f"B{pay_date:%Y%m%d}-{repository.count_batches_on(uow.session, pay_date) + 1:02d}"
        batch = PaymentBatch(
            id=new_id(),
            number=number,
            idempotency_key=key,
            pay_date=pay_date,
            state=BatchState.BUILT.value,
            item_count=count,
            total_cents=total,
            built_by=actor.username,
            built_by_id=actor.staff_id,
            created_at=uow.clock.now(),
        )
        stored, created = support.insert_once(
            uow, batch, lambda: repository.find_batch_by_key(uow.session, key)
        )
        if not created:
            return support.kept(uow, stored)
        try:
            with uow.session.begin_nested():
                if in_sql:
                    _add_items_in_sql(uow, batch, count)
                else:
                    _add_items(uow, batch, rows)
        except IntegrityError:
            raise Conflict(
                "another batch took some of these payments at the same time; build again"
            ) from None
        return BATCH.saved(uow, actor, AuditAction.BATCH_BUILD, batch)


def _add_items(uow: UnitOfWork, batch: PaymentBatch, rows: Sequence[Any]) -> None:
    next_cheque = _first_free_cheque(uow)
    items = []
    for seq, row in enumerate(rows, start=1):
        cheque = None
        if row.method == PaymentMethod.CHEQUE.value:
            cheque, next_cheque = str(next_cheque), next_cheque + 1
        items.append(
            {
                "id": new_id(),
                "batch_id": batch.id,
                "issuance_id": row.id,
                "attempt": row.attempts + 1,
                "seq": seq,
                "method": row.method,
                "net_cents": row.net_cents,
                "end_to_end_id": f"{batch.number}-{seq:07d}",
                "cheque_number": cheque,
                "state": ItemState.INCLUDED.value,
                "return_reason": None,
            }
        )
    bulk.insert_rows(uow.session, table(BatchItem), items)
    _move_issuances(uow, batch, len(items))


def _add_items_in_sql(uow: UnitOfWork, batch: PaymentBatch, count: int) -> None:
    """The same items as ``_add_items``, made by PostgreSQL in the statement that moves the
    issuances to ``batched`` (``run_sql.build``): one pass over the approved issuances."""
    made = run_sql.build(
        uow.session,
        batch_id=batch.id,
        number=batch.number,
        pay_date=batch.pay_date,
        methods=BATCH_METHODS,
        first_cheque=_first_free_cheque(uow),
    )
    if made != count:
        raise IntegrityError("batch build", None, Exception("issuances changed while the batch was built"))
    repository.refresh_statistics(uow.session, BatchItem.__tablename__)


def _move_issuances(uow: UnitOfWork, batch: PaymentBatch, count: int) -> None:
    """The batched issuances move on (all of them, or the build is refused), then the planner learns."""
    in_batch = select(BatchItem.issuance_id).where(BatchItem.batch_id == batch.id)
    moved = uow.session.execute(
        update(Issuance)
        .where(Issuance.id.in_(in_batch), Issuance.state == IssuanceState.APPROVED.value)
        .values(
            state=IssuanceState.BATCHED.value, attempts=Issuance.attempts + 1, version=Issuance.version + 1
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(moved, "rowcount", -1) != count:
        raise IntegrityError("batch build", None, Exception("issuances changed while the batch was built"))
    repository.refresh_statistics(uow.session, BatchItem.__tablename__, Issuance.__tablename__)


def _first_free_cheque(uow: UnitOfWork) -> int:
    first = int(str(overpayments.payment_settings().get("first_cheque_number", 1)))
    used = repository.max_cheque_number(uow.session)
    return max(first, (used or 0) + 1)


def approve_batch(uow: UnitOfWork, *, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    """The checker's approval; the person who built the batch cannot give it."""
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_APPROVE, subject_type="batch", subject_id=batch_id)
        support.require_named_person(actor)
        batch = repository.get(uow.session, PaymentBatch, batch_id, kind="batch", for_update=True)
        transition(BATCH_TRANSITIONS, batch.state, BatchState.APPROVED, what=f"batch {batch.number}")
        if support.is_same_person(actor, batch.built_by, batch.built_by_id):
            raise SelfApproval("a batch")
        support.ensure_open(uow.session, [batch.pay_date], field="pay_date")
        before = BATCH.snapshot(batch)
        batch.state = BatchState.APPROVED.value
        batch.approved_by, batch.approved_at = actor.username, uow.clock.now()
        return BATCH.saved(uow, actor, AuditAction.BATCH_APPROVE, batch, before=before)


def close_period(uow: UnitOfWork, *, actor: Actor, month: str) -> ClosedPeriod:
    """Close an accounting month: nothing more is paid or posted with a date in it."""
    year, number = domain.parse_month(month, field="month")
    label = f"{year:04d}-{number:02d}"
    with uow:
        require(uow, actor, Permission.MONEY_RECONCILE, subject_type="period")
        existing = uow.session.get(ClosedPeriod, label)
        if existing is not None:
            return support.kept(uow, existing)
        closed = ClosedPeriod(month=label, closed_at=uow.clock.now(), closed_by=actor.username)
        uow.session.add(closed)
        audit.record(
            uow, actor=actor, action=AuditAction.PERIOD_CLOSE, subject_type="period", subject_id=label
        )
        uow.commit()
    return closed


def get_batch(uow: UnitOfWork, *, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    """One batch."""
    with uow:
        require(uow, actor, Permission.MONEY_LEDGER_READ, subject_type="batch", subject_id=batch_id)
        return support.kept(uow, repository.get(uow.session, PaymentBatch, batch_id, kind="batch"))


def find_batch(uow: UnitOfWork, *, actor: Actor, ref: str) -> PaymentBatch:
    """A batch by id or by number (what the CLI takes)."""
    with uow:
        require(uow, actor, Permission.MONEY_LEDGER_READ, subject_type="batch")
        try:
            return support.kept(uow, repository.get(uow.session, PaymentBatch, uuid.UUID(ref), kind="batch"))
        except ValueError:
            found = uow.session.scalar(select(PaymentBatch).where(PaymentBatch.number == ref.strip()))
            if found is None:
                raise InvalidInput("batch", f"no batch numbered {ref!r}") from None
            return support.kept(uow, found)


def list_batches(uow: UnitOfWork, *, actor: Actor, limit: int = 50) -> Sequence[PaymentBatch]:
    """Batches, newest first."""
    with uow:
        require(uow, actor, Permission.MONEY_LEDGER_READ, subject_type="batch")
        return support.kept(uow, repository.list_batches(uow.session, limit=min(limit, 500)))


def cheque_register(
    uow: UnitOfWork, *, actor: Actor, purpose: str, batch_id: uuid.UUID | None = None
) -> Sequence[Cheque]:
    """The cheque register (manual cheques and those printed from batches), by number: payment data,
    so it needs ``money:batch_export`` and a purpose, kept in the audit trail."""
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_EXPORT, subject_type="cheque")
        why = " ".join((purpose or "").split())
        if not why or len(why) > 200:
            raise InvalidInput("purpose", "say why you need the cheque register (at most 200 characters)")
        found = repository.cheque_register(uow.session, batch_id=batch_id)
        return support.listed(
            uow,
            actor,
            AuditAction.CHEQUE_REGISTER_READ,
            found,
            kind="cheque",
            within=("batch", batch_id),
            purpose=why,
        )
