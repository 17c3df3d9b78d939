"""Exporting an approved batch: the pain.001 file for bank payments and the cheque register.

Three steps, each safe to repeat: (1) fix the file's identity (message id, creation time) and mark
the batch ``exporting``; (2) write and validate the files atomically (their content depends only
on stored data, so a rerun writes the same bytes); (3) mark the batch and its items exported and
post the release to the ledger, once. A crash between any two steps is resumed by exporting again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text, update

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from onestop.db import UnitOfWork
from onestop.money import faults, repository, support
from onestop.money.domain import (
    ACCOUNT_CONTEXT,
    BankAccount,
    BatchState,
    IssuanceState,
    ItemState,
    PaymentMethod,
)
from onestop.money.ledger import domain as postings
from onestop.money.ledger import services as ledger
from onestop.money.models import BatchItem, Cheque, Issuance, PaymentBatch
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import batches, cheques, pain001, run_sql

#: Payments per release entry (keeps memory flat for 100,000-payment files).
PART = 10_000


@dataclass(frozen=True)
class ExportResult:
    """The exported batch and the files written for it."""

    batch: PaymentBatch
    payment_file: Path | None
    cheque_csv: Path | None
    cheque_pdf: Path | None


def export_batch(uow: UnitOfWork, *, actor: Actor, batch_id: uuid.UUID, out_dir: Path) -> ExportResult:
    """Write the batch's payment file and cheque register, validated, then mark it exported."""
    batch = _start(uow, actor, batch_id)
    faults.point("export:started")
    paths = _write_files(uow, batch, out_dir)
    faults.point("export:files_written")
    return _finish(uow, actor, batch_id, paths)


def _start(uow: UnitOfWork, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_EXPORT, subject_type="batch", subject_id=batch_id)
        batch = repository.get(uow.session, PaymentBatch, batch_id, kind="batch", for_update=True)
        if batch.state == BatchState.APPROVED.value:
            batch.state = BatchState.EXPORTING.value
            batch.message_id = batch.number
            batch.file_created_at = uow.clock.now()
            batch.exported_by = actor.username
        elif batch.state not in (BatchState.EXPORTING.value, BatchState.EXPORTED.value):
            raise InvalidTransition(
                f"batch {batch.number} is {batch.state}; only an approved batch is exported"
            )
        return support.kept(uow, batch)


@dataclass(frozen=True)
class _Paths:
    payment_file: Path | None
    sha256: str | None
    cheque_csv: Path | None
    cheque_pdf: Path | None


def _write_files(uow: UnitOfWork, batch: PaymentBatch, out_dir: Path) -> _Paths:
    payment_file = sha = csv_path = pdf_path = None
    with uow:
        if uow.session.get_bind().dialect.name == "postgresql":
            # Each page is a short walk of the (batch_id, seq) index: parallel workers only add their
            # start-up (about 0.1 s a page, 200 pages at 1M) and take the second core from the writer.
            uow.session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
        count, total = _bank_totals(uow, batch.id)
        if count:
            payment_file = out_dir / f"{batch.number}.pain.001.xml"
            header = _header(batch, count, total)
            sha = pain001.write_atomically(payment_file, header, _transfers(uow, batch))
            if batch.file_sha256 and sha != batch.file_sha256:
                raise Conflict(f"the rewritten file of {batch.number} differs from the one exported")
        register = _batch_cheques(uow, batch)
        if register:
            csv_path = out_dir / f"{batch.number}.cheques.csv"
            pdf_path = out_dir / f"{batch.number}.cheques.pdf"
            cheques.write_atomically(csv_path, cheques.register_csv(register))
            cheques.write_atomically(
                pdf_path, cheques.register_pdf(register, title=f"Cheque register {batch.number}")
            )
    return _Paths(payment_file, sha, csv_path, pdf_path)


def _bank_totals(uow: UnitOfWork, batch_id: uuid.UUID) -> tuple[int, int]:
    row = uow.session.execute(
        select(func.count(), func.coalesce(func.sum(BatchItem.net_cents), 0)).where(
            BatchItem.batch_id == batch_id, BatchItem.method.in_(batches.BANK_METHODS)
        )
    ).one()
    return int(row[0]), int(row[1])


def _header(batch: PaymentBatch, count: int, total: int) -> pain001.Header:
    debtor = overpayments.payment_settings()["debtor"]
    assert isinstance(debtor, dict) and batch.message_id and batch.file_created_at
    account = BankAccount(str(debtor["institution"]), str(debtor["transit"]), str(debtor["account"]))
    return pain001.Header(
        batch.message_id, batch.file_created_at, batch.pay_date, count, total, str(debtor["name"]), account
    )


def _transfers(uow: UnitOfWork, batch: PaymentBatch) -> Iterator[pain001.Transfer]:
    for row in repository.export_rows(uow.session, batch.id, batches.BANK_METHODS, chunk=5000):
        if row.account_ciphertext is None or row.institution is None or row.transit is None:
            raise Conflict(f"payee {row.name} of payment {row.end_to_end_id} has no banking details any more")
        account = uow.cipher.decrypt(row.account_ciphertext, context=ACCOUNT_CONTEXT)
        yield pain001.Transfer(
            row.end_to_end_id,
            row.net_cents,
            row.name,
            BankAccount(row.institution, row.transit, account),
            f"{row.program} {row.payment_type} {row.pay_date.isoformat()}",
        )


def _batch_cheques(uow: UnitOfWork, batch: PaymentBatch) -> list[Cheque]:
    """The batch's cheques as register rows (from the register once recorded, else as they will be)."""
    recorded = list(repository.cheque_register(uow.session, batch_id=batch.id))
    if recorded:
        return recorded
    rows = repository.export_rows(uow.session, batch.id, (PaymentMethod.CHEQUE.value,), chunk=5000)
    return [
        Cheque(
            number=r.cheque_number,
            issuance_id=r.issuance_id,
            batch_id=batch.id,
            kind="batch",
            payee_name=r.name,
            amount_cents=r.net_cents,
            issued_on=batch.pay_date,
            recorded_at=batch.file_created_at,
            recorded_by=batch.exported_by or "",
        )
        for r in rows
    ]


def _finish(uow: UnitOfWork, actor: Actor, batch_id: uuid.UUID, paths: _Paths) -> ExportResult:
    with uow:
        batch = repository.get(uow.session, PaymentBatch, batch_id, kind="batch", for_update=True)
        if batch.state == BatchState.EXPORTING.value:
            batch.file_sha256 = paths.sha256
            batch.file_name = paths.payment_file.name if paths.payment_file else None
            _release(uow, actor, batch)
            batch.state = BatchState.EXPORTED.value
            batch.exported_at = uow.clock.now()
            details = {"file": batch.file_name, "sha256": paths.sha256}
            batches.BATCH.record(uow, actor, AuditAction.BATCH_EXPORT, batch, details=details)
        support.kept(uow, batch)
    return ExportResult(batch, paths.payment_file, paths.cheque_csv, paths.cheque_pdf)


def _release(uow: UnitOfWork, actor: Actor, batch: PaymentBatch) -> None:
    """Post the release and move items and issuances on: bank payments await the bank; cheques are paid."""
    for cheque in _batch_cheques(uow, batch):
        uow.session.add(cheque)
    uow.session.flush()
    bank = run_sql.Release(
        "release_batch",
        f"payment file {batch.number}",
        batches.BANK_METHODS,
        postings.Account.BENEFITS_PAYABLE,
        ItemState.EXPORTED,
        IssuanceState.EXPORTED,
    )
    paper = run_sql.Release(
        "release_cheques",
        f"cheques {batch.number}",
        (PaymentMethod.CHEQUE.value,),
        postings.Account.BANK_CLEARING,
        ItemState.PAID,
        IssuanceState.PAID,
    )
    now, by = uow.clock.now(), actor.username
    for what in (bank, paper):
        if uow.session.get_bind().dialect.name == "postgresql":  # one statement, no row in Python
            run_sql.release(uow.session, batch.id, what, part=PART, by=by, now=now)
            continue
        items = _amounts(uow, batch.id, what.methods)
        for part, start in enumerate(range(0, len(items), PART)):
            lines = postings.release_lines(items[start : start + PART], to=what.to)
            ledger.post(
                uow, kind=what.kind, ref=f"{batch.id}/{part}", memo=what.memo, lines=lines, posted_by=by
            )
        _move(uow, batch.id, what)


def _move(uow: UnitOfWork, batch_id: uuid.UUID, what: run_sql.Release) -> None:
    """The items of a release and their issuances move on (SQLite; ``run_sql.release`` does it there)."""
    in_release = (BatchItem.batch_id == batch_id, BatchItem.method.in_(what.methods))
    uow.session.execute(
        update(BatchItem)
        .where(*in_release)
        .values(state=what.item_state.value)
        .execution_options(synchronize_session=False)
    )
    uow.session.execute(
        update(Issuance)
        .where(Issuance.id.in_(select(BatchItem.issuance_id).where(*in_release)))
        .values(state=what.issuance_state.value, version=Issuance.version + 1)
        .execution_options(synchronize_session=False)
    )


def _amounts(uow: UnitOfWork, batch_id: uuid.UUID, methods: tuple[str, ...]) -> list[postings.IssuedAmount]:
    i, b = Issuance.__table__.c, BatchItem.__table__.c
    rows = uow.session.execute(
        select(i.id, i.unit_id, i.program, i.gross_cents, i.deduction_cents)
        .join(BatchItem.__table__, b.issuance_id == i.id)
        .where(b.batch_id == batch_id, b.method.in_(methods))
    ).all()
    return [postings.IssuedAmount(r.id, r.unit_id, r.program, r.gross_cents, r.deduction_cents) for r in rows]


#: The files an exported batch may have, by the name used in addresses: (suffix, media type).
BATCH_FILES: dict[str, tuple[str, str]] = {
    "pain001": (".pain.001.xml", "application/xml"),
    "cheques-csv": (".cheques.csv", "text/csv"),
    "cheques-pdf": (".cheques.pdf", "application/pdf"),
}


def open_batch_file(
    uow: UnitOfWork, *, actor: Actor, batch_id: uuid.UUID, kind: str, purpose: str, out_dir: Path
) -> tuple[Path, str]:
    """The path and media type of an exported file, for a download that needs ``money:batch_export``
    and a stated purpose, and is audited: the files hold account numbers and amounts of every payee."""
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_EXPORT, subject_type="batch", subject_id=batch_id)
        why = require_purpose(purpose)
        if kind not in BATCH_FILES:
            raise NotFound("no such file")
        batch = repository.get(uow.session, PaymentBatch, batch_id, kind="batch")
        suffix, media = BATCH_FILES[kind]
        path = out_dir / f"{batch.number}{suffix}"
        exported = batch.state in (BatchState.EXPORTED.value, BatchState.RECONCILED.value)
        if not exported or not path.exists():
            raise NotFound(f"batch {batch.number} has no {kind} file")
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.BATCH_FILE_DOWNLOAD,
            subject_type="batch",
            subject_id=batch.id,
            purpose=why,
            details={"file": path.name, "sha256": batch.file_sha256 if kind == "pain001" else None},
        )
        uow.commit()
    return path, media


def require_purpose(purpose: str) -> str:
    """A download of payment data says why (kept in the audit trail)."""
    why = " ".join((purpose or "").split())
    if not why or len(why) > 200:
        raise InvalidInput("purpose", "say why you need this file (at most 200 characters)")
    return why
