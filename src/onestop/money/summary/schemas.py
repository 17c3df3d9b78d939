"""What the person page shows of a unit's money (read-only; amounts in cents)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field


class EntitlementLine(BaseModel):
    """One version of an entitlement: the current one is active and not ended."""

    id: uuid.UUID
    program: str
    amount_cents: int
    frequency: str
    method: str
    start_date: dt.date
    end_date: dt.date | None
    current: bool


class PaymentLine(BaseModel):
    """One issuance, with where it went: its batch, its cheque, and any bank return.

    ``status`` is the officer's word for it: pending_approval, generated (approved, waiting for a batch),
    in_batch, paid, returned (the bank sent it back; it waits for the next batch), cancelled, rejected.
    """

    id: uuid.UUID
    program: str
    payment_type: str
    pay_date: dt.date
    period_start: dt.date | None
    method: str
    gross_cents: int
    deduction_cents: int
    net_cents: int
    state: str
    status: str
    payee_name: str
    account_masked: str | None
    cheque_number: str | None
    voucher_number: str | None
    batch_number: str | None
    return_reason: str | None


class RecoveryLine(BaseModel):
    """One recovery against an overpayment."""

    method: str  # deduction | repayment | write_off
    amount_cents: int
    recorded_at: dt.datetime
    note: str | None


class OverpaymentLine(BaseModel):
    """Money the unit owes back, what is left, and how it was recovered so far."""

    id: uuid.UUID
    program: str
    amount_cents: int
    balance_cents: int
    source: str
    reason: str
    state: str
    recoveries: list[RecoveryLine] = Field(default_factory=list)


class UnitBalance(BaseModel):
    """The unit's figures from the ledger (cents)."""

    paid_cents: int = 0  # confirmed paid
    in_transit_cents: int = 0  # in a payment file, not yet confirmed
    owed_cents: int = 0  # issued, waiting for a batch
    overpayment_owed_cents: int = 0  # the unit owes this back


class UnitMoney(BaseModel):
    """A benefit unit's money, and the payment a caller most likely asks about (``where``)."""

    unit_id: uuid.UUID
    entitlements: list[EntitlementLine]
    payments: list[PaymentLine]
    overpayments: list[OverpaymentLine]
    balance: UnitBalance
    where: PaymentLine | None = None
