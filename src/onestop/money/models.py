"""Tables of the money area. Journal lines, cheques, recoveries and returns are append-only."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc

#: BIGINT on PostgreSQL; INTEGER on SQLite, which only auto-increments an INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")
Cents = BigInteger


def _unit_fk() -> ForeignKey:
    return ForeignKey("benefit_unit.id")


class Payee(Entity):
    """Who is paid: a client person or a third party, with banking details for deposits."""

    __tablename__ = "money_payee"

    kind: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String(140))
    institution: Mapped[str | None] = mapped_column(String(3))
    transit: Mapped[str | None] = mapped_column(String(5))
    account_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)  # field-encrypted
    account_masked: Mapped[str | None] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(100))
    #: ``approved`` (usable), ``pending_approval`` (set up by hand, waiting for a second person) or
    #: ``rejected``; only an approved payee is paid.
    state: Mapped[str] = mapped_column(String(20), default="approved", server_default="approved")


class Entitlement(Entity):
    """A recurring or one-time benefit. A change makes a new version in the same series."""

    __tablename__ = "money_entitlement"

    series_id: Mapped[uuid.UUID] = mapped_column(index=True)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_entitlement.id"))
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"), index=True)
    program: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[uuid.UUID] = mapped_column(_unit_fk(), index=True)
    payee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_payee.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    amount_cents: Mapped[int] = mapped_column(Cents)
    frequency: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    #: ``approved`` (from a decision, or approved by a second person), ``pending_approval`` (set up or
    #: changed by hand: not in force, nothing is issued) or ``rejected``.
    state: Mapped[str] = mapped_column(String(20), default="approved", server_default="approved")

    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)


class Issuance(Entity):
    """One payment to make. ``idempotency_key`` is unique: the same request never pays twice."""

    __tablename__ = "money_issuance"
    __table_args__ = (
        CheckConstraint("gross_cents > 0", name="gross_positive"),
        CheckConstraint("deduction_cents >= 0 AND deduction_cents <= gross_cents", name="deduction_range"),
        Index("ix_money_issuance_state_pay_date", "state", "pay_date"),
    )

    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    payment_type: Mapped[str] = mapped_column(String(30))
    program: Mapped[str] = mapped_column(String(64))
    #: The benefit unit paid for; none for a payment to an organization (a sponsor's project funding).
    unit_id: Mapped[uuid.UUID | None] = mapped_column(_unit_fk(), index=True)
    payee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_payee.id"))
    entitlement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_entitlement.id"), index=True)
    invoice_id: Mapped[uuid.UUID | None]
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    method: Mapped[str] = mapped_column(String(20))
    pay_date: Mapped[dt.date] = mapped_column(Date)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    fiscal_year: Mapped[int]
    gross_cents: Mapped[int] = mapped_column(Cents)
    deduction_cents: Mapped[int] = mapped_column(Cents, default=0)
    net_cents: Mapped[int] = mapped_column(Cents)
    nights: Mapped[int | None]
    description: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_by_id: Mapped[uuid.UUID | None]
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[dt.datetime | None]
    second_check: Mapped[bool] = mapped_column(default=False)
    cheque_number: Mapped[str | None] = mapped_column(String(20))
    voucher_number: Mapped[str | None] = mapped_column(String(40))
    attempts: Mapped[int] = mapped_column(default=0)  # batches it has been sent in (re-issue after return)


class ApprovalRequest(Entity):
    """A request for a second signature: beyond authority, a sampled check, or a write-off."""

    __tablename__ = "money_approval"
    __table_args__ = (UniqueConstraint("subject_type", "subject_id", "kind"),)

    subject_type: Mapped[str] = mapped_column(String(20))  # issuance | overpayment | entitlement | payee
    subject_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # authority | second_check | write_off | manual_cheque | entitlement | payee
    kind: Mapped[str] = mapped_column(String(20))
    needed_role: Mapped[str] = mapped_column(String(20))
    program: Mapped[str] = mapped_column(String(64))
    payment_type: Mapped[str] = mapped_column(String(30))
    amount_cents: Mapped[int] = mapped_column(Cents)
    nights: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)  # why it needs approval (the authority decision)
    explanation: Mapped[str] = mapped_column(Text)  # the requester's case for it
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_by_id: Mapped[uuid.UUID | None]
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)


class JournalEntry(Base):
    """A balanced journal entry; never updated. ``(kind, ref)`` is unique so no event posts twice."""

    __tablename__ = "money_journal_entry"
    __table_args__ = (UniqueConstraint("kind", "ref"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    ref: Mapped[str] = mapped_column(String(80))
    memo: Mapped[str] = mapped_column(Text)
    total_cents: Mapped[int] = mapped_column(Cents)
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_journal_entry.id"))
    posted_at: Mapped[dt.datetime]
    posted_by: Mapped[str] = mapped_column(String(100))


class JournalLine(Base):
    """A debit or a credit on one account; append-only."""

    __tablename__ = "money_journal_line"
    __table_args__ = (
        CheckConstraint("debit_cents >= 0 AND credit_cents >= 0", name="sides_not_negative"),
        CheckConstraint("(debit_cents = 0) <> (credit_cents = 0)", name="one_side"),
        Index("ix_money_journal_line_account", "account", "unit_id", "program"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_journal_entry.id"), index=True)
    account: Mapped[str] = mapped_column(String(30))
    unit_id: Mapped[uuid.UUID | None]
    program: Mapped[str | None] = mapped_column(String(64))
    issuance_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    debit_cents: Mapped[int] = mapped_column(Cents, default=0)
    credit_cents: Mapped[int] = mapped_column(Cents, default=0)


class PaymentBatch(Entity):
    """Payments for one pay date: built, approved by someone else, exported, reconciled."""

    __tablename__ = "money_batch"

    number: Mapped[str] = mapped_column(String(35), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    pay_date: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20))
    item_count: Mapped[int]
    total_cents: Mapped[int] = mapped_column(Cents)
    built_by: Mapped[str] = mapped_column(String(100))
    built_by_id: Mapped[uuid.UUID | None]
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[dt.datetime | None]
    message_id: Mapped[str | None] = mapped_column(String(35))
    file_created_at: Mapped[dt.datetime | None]
    file_name: Mapped[str | None] = mapped_column(String(200))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    exported_by: Mapped[str | None] = mapped_column(String(100))
    exported_at: Mapped[dt.datetime | None]
    reconciled_at: Mapped[dt.datetime | None]


class BatchItem(Base):
    """One issuance in one batch; ``(issuance_id, attempt)`` is unique, so no issuance is batched twice."""

    __tablename__ = "money_batch_item"
    __table_args__ = (
        UniqueConstraint("issuance_id", "attempt"),
        # file order within a batch; also the index the export's keyset pages walk (repository.export_page)
        UniqueConstraint("batch_id", "seq", name="uq_money_batch_item_batch_seq"),
        # half of each page left free: the export's change of ``state`` (not indexed) then stays on
        # the page and adds no index entries (a HOT update; migration 0025)
        {"postgresql_with": {"fillfactor": 50}},
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # indexed by the (batch_id, seq) constraint below, which serves every lookup by batch too
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_batch.id"))
    issuance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_issuance.id"))
    attempt: Mapped[int]
    seq: Mapped[int]  # order in the file
    method: Mapped[str] = mapped_column(String(20))
    net_cents: Mapped[int] = mapped_column(Cents)
    end_to_end_id: Mapped[str] = mapped_column(String(35), unique=True)
    cheque_number: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    return_reason: Mapped[str | None] = mapped_column(String(140))


class Cheque(Base):
    """The cheque register: every cheque number used, manual or printed from a batch."""

    __tablename__ = "money_cheque"

    number: Mapped[str] = mapped_column(String(20), primary_key=True)
    issuance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_issuance.id"), index=True)
    batch_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_batch.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # manual | batch
    payee_name: Mapped[str] = mapped_column(String(140))
    amount_cents: Mapped[int] = mapped_column(Cents)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(100))


class ClosedPeriod(Base):
    """A closed accounting month: nothing may be paid or posted with a date in it."""

    __tablename__ = "money_closed_period"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_at: Mapped[dt.datetime]
    closed_by: Mapped[str] = mapped_column(String(100))


class BankReturn(Base):
    """An imported pain.002 status report; the same file imported twice is recognised by its hash."""

    __tablename__ = "money_bank_return"
    __table_args__ = (UniqueConstraint("batch_id", "file_sha256"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_batch.id"), index=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(35))
    group_status: Mapped[str | None] = mapped_column(String(4))
    paid_count: Mapped[int]
    returned_count: Mapped[int]
    imported_at: Mapped[dt.datetime]
    imported_by: Mapped[str] = mapped_column(String(100))


class Overpayment(Entity):
    """Money a unit owes back; recovered by deduction or repayment, or written off with approval."""

    __tablename__ = "money_overpayment"
    __table_args__ = (
        CheckConstraint("balance_cents >= 0 AND balance_cents <= amount_cents", name="balance"),
    )

    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(_unit_fk(), index=True)
    program: Mapped[str] = mapped_column(String(64))
    amount_cents: Mapped[int] = mapped_column(Cents)
    balance_cents: Mapped[int] = mapped_column(Cents)
    source: Mapped[str] = mapped_column(String(20))  # reassessment | investigation | manual
    reason: Mapped[str] = mapped_column(Text)
    entitlement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("money_entitlement.id"))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), index=True)  # open | recovered | written_off
    created_by: Mapped[str] = mapped_column(String(100))


class Recovery(Base):
    """One recovery against an overpayment (deduction, repayment or write-off); append-only."""

    __tablename__ = "money_recovery"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    overpayment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_overpayment.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Cents)
    issuance_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(100))


class Notice(Base):
    """Outbox of notices to send after commit (the notices area delivers them)."""

    __tablename__ = "money_notice"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    subject_type: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[uuid.UUID]
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]


class Budget(Entity):
    """The amount a program may commit in one office and fiscal year (April to March)."""

    __tablename__ = "money_budget"
    __table_args__ = (UniqueConstraint("program", "office_id", "fiscal_year"),)

    program: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    fiscal_year: Mapped[int]
    amount_cents: Mapped[int] = mapped_column(Cents)
    set_by: Mapped[str] = mapped_column(String(100))


class Invoice(Entity):
    """A vendor's invoice (shelter, funeral home, transport): approved within authority, paid in batches."""

    __tablename__ = "money_invoice"
    __table_args__ = (UniqueConstraint("payee_id", "vendor_reference"),)

    payee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("money_payee.id"))
    vendor_reference: Mapped[str] = mapped_column(String(60))
    #: The benefit unit supplied; none for an organization's own funding (a sponsor's instalment).
    unit_id: Mapped[uuid.UUID | None] = mapped_column(_unit_fk(), index=True)
    program: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    amount_cents: Mapped[int] = mapped_column(Cents)
    description: Mapped[str] = mapped_column(Text)
    received_on: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20))  # received | pending_approval | approved | rejected
    issuance_id: Mapped[uuid.UUID | None]
    entered_by: Mapped[str] = mapped_column(String(100))


def table(model: type[Base]) -> Table:
    """A model's Core table, for multi-row inserts that skip the ORM's per-row work."""
    found = model.__table__
    assert isinstance(found, Table)
    return found


def _refuse_change(mapper: Any, connection: Any, target: Any) -> None:
    raise TypeError(f"{type(target).__name__} is append-only: post a reversing entry instead of editing")


for _append_only in (JournalEntry, JournalLine, Cheque, Recovery, BankReturn):
    event.listen(_append_only, "before_update", _refuse_change)
    event.listen(_append_only, "before_delete", _refuse_change)
