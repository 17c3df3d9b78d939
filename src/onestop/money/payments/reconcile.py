"""Reconciling an exported batch with the bank's pain.002 status report.

Paid items settle (the money left the bank account); rejected or returned ones are owed to the
client again and their issuances re-open for the next batch. The same file imported twice is
recognised by its SHA-256 and changes nothing the second time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidTransition
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import faults, repository, support
from onestop.money.domain import BatchState, IssuanceState, ItemState
from onestop.money.errors import PaymentFileInvalid
from onestop.money.ledger import domain as postings
from onestop.money.ledger import services as ledger
from onestop.money.models import BankReturn, BatchItem, Issuance, PaymentBatch
from onestop.money.payments import pain002

CHUNK = 5000


@dataclass(frozen=True)
class ReconcileResult:
    """What a status report did to a batch."""

    batch: PaymentBatch
    paid: int
    returned: int
    still_pending: int
    already_imported: bool = False


def reconcile_batch(uow: UnitOfWork, *, actor: Actor, batch_id: uuid.UUID, path: Path) -> ReconcileResult:
    """Apply a pain.002 status report to its batch (validated first; a repeat import is a no-op)."""
    with uow:
        require(uow, actor, Permission.MONEY_RECONCILE, subject_type="batch", subject_id=batch_id)
        report = pain002.read(path)
        batch = repository.get(uow.session, PaymentBatch, batch_id, kind="batch", for_update=True)
        seen = uow.session.scalar(
            select(BankReturn).where(BankReturn.batch_id == batch.id, BankReturn.file_sha256 == report.sha256)
        )
        if seen is not None:
            return support.kept(
                uow, ReconcileResult(batch, seen.paid_count, seen.returned_count, 0, already_imported=True)
            )
        if batch.state != BatchState.EXPORTED.value:
            raise InvalidTransition(
                f"batch {batch.number} is {batch.state}; only an exported batch is reconciled"
            )
        if report.original_message_id != batch.message_id:
            raise PaymentFileInvalid(
                "file",
                f"the report answers message {report.original_message_id!r}, "
                f"not batch {batch.number}'s {batch.message_id!r}",
            )
        paid, returned, pending = _classify(uow, batch, report)
        return_id = new_id()
        faults.point("reconcile:classified")
        _apply(uow, actor, batch, paid, returned, return_id)
        uow.session.add(
            BankReturn(
                id=return_id,
                batch_id=batch.id,
                file_sha256=report.sha256,
                message_id=report.message_id or "-",
                group_status=report.group_status,
                paid_count=len(paid),
                returned_count=len(returned),
                imported_at=uow.clock.now(),
                imported_by=actor.username,
            )
        )
        if not pending:
            batch.state = BatchState.RECONCILED.value
            batch.reconciled_at = uow.clock.now()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.BATCH_RECONCILE,
            subject_type="batch",
            subject_id=batch.id,
            details={
                "paid": len(paid),
                "returned": len(returned),
                "pending": pending,
                "report": report.message_id,
                "sha256": report.sha256,
            },
        )
        uow.commit()
    return ReconcileResult(batch, len(paid), len(returned), pending)


def _classify(
    uow: UnitOfWork, batch: PaymentBatch, report: pain002.StatusReport
) -> tuple[list[uuid.UUID], dict[uuid.UUID, str], int]:
    rows = uow.session.execute(
        select(BatchItem.id, BatchItem.end_to_end_id).where(
            BatchItem.batch_id == batch.id, BatchItem.state == ItemState.EXPORTED.value
        )
    ).all()
    by_e2e = {r.end_to_end_id: r.id for r in rows}
    unknown = (set(report.rejected) | set(report.accepted)) - set(by_e2e)
    if unknown:
        raise PaymentFileInvalid(
            "file",
            f"the report names payments not awaiting the bank in {batch.number}: {sorted(unknown)[:3]}",
        )
    if report.rejects_all:
        return [], {item: report.rejected.get(e2e, "RJCT") for e2e, item in by_e2e.items()}, 0
    returned = {by_e2e[e2e]: reason for e2e, reason in report.rejected.items()}
    if report.settles_unlisted:
        paid = [item for e2e, item in by_e2e.items() if e2e not in report.rejected]
    else:
        paid = [by_e2e[e2e] for e2e in report.accepted]
    return paid, returned, len(by_e2e) - len(paid) - len(returned)


def _apply(
    uow: UnitOfWork,
    actor: Actor,
    batch: PaymentBatch,
    paid: list[uuid.UUID],
    returned: dict[uuid.UUID, str],
    return_id: uuid.UUID,
) -> None:
    session = uow.session
    for start in range(0, len(paid), CHUNK):
        chunk = paid[start : start + CHUNK]
        session.execute(
            update(BatchItem)
            .where(BatchItem.id.in_(chunk))
            .values(state=ItemState.PAID.value)
            .execution_options(synchronize_session=False)
        )
        issued = select(BatchItem.issuance_id).where(BatchItem.id.in_(chunk))
        session.execute(
            update(Issuance)
            .where(Issuance.id.in_(issued))
            .values(state=IssuanceState.PAID.value, version=Issuance.version + 1)
            .execution_options(synchronize_session=False)
        )
    paid_cents = _net(uow, paid)
    if paid_cents:
        ledger.post(
            uow,
            kind="settle",
            ref=return_id,
            memo=f"bank confirmed {batch.number}",
            lines=postings.settle_lines(paid_cents),
            posted_by=actor.username,
        )
    if returned:
        amounts = []
        for item_id, reason in returned.items():
            item = session.get(BatchItem, item_id)
            assert item is not None
            item.state, item.return_reason = ItemState.RETURNED.value, reason[:140]
            issuance = repository.get(session, Issuance, item.issuance_id, kind="issuance", for_update=True)
            issuance.state = IssuanceState.APPROVED.value  # re-opened: the next batch pays it again
            amounts.append(
                postings.IssuedAmount(
                    issuance.id,
                    issuance.unit_id,
                    issuance.program,
                    issuance.gross_cents,
                    issuance.deduction_cents,
                )
            )
        ledger.post(
            uow,
            kind="return",
            ref=return_id,
            memo=f"bank returned payments of {batch.number}",
            lines=postings.return_lines(amounts),
            posted_by=actor.username,
        )


def _net(uow: UnitOfWork, items: list[uuid.UUID]) -> int:
    total = 0
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        rows = uow.session.scalars(select(BatchItem.net_cents).where(BatchItem.id.in_(chunk)))
        total += sum(rows)
    return total
