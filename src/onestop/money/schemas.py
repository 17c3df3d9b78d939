"""API models of the money area: amounts travel as decimal strings ("1000.00"), never floats."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onestop.common.money import format_cents
from onestop.money import domain


def cents(value: str, *, field: str) -> int:
    """A strictly positive decimal amount as cents (422 naming ``field`` otherwise)."""
    return domain.amount_cents(value, field=field)


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PayeeCreate(BaseModel):
    kind: str = Field(description="client, landlord, utility or vendor")
    name: str
    person_id: uuid.UUID | None = None
    institution: str | None = Field(None, description="3 digits")
    transit: str | None = Field(None, description="5 digits")
    account: str | None = Field(None, description="7 to 12 digits; stored encrypted")


class PayeePublic(_Out):
    id: uuid.UUID
    kind: str
    name: str
    person_id: uuid.UUID | None
    account_masked: str | None


class EntitlementCreate(BaseModel):
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: str = Field(description="per payment, e.g. '612.00'")
    frequency: str = Field(description="monthly, semi_monthly or one_time")
    method: str = Field(description="direct_deposit, cheque, third_party or voucher")
    start_date: dt.date
    end_date: dt.date | None = None
    decision_id: uuid.UUID | None = None
    office_id: uuid.UUID | None = None


class EntitlementChange(BaseModel):
    effective_from: dt.date
    reason: str
    amount: str | None = None
    end_date: dt.date | None = None
    payee_id: uuid.UUID | None = None
    method: str | None = None
    decision_id: uuid.UUID | None = None


class EntitlementPublic(_Out):
    id: uuid.UUID
    series_id: uuid.UUID
    supersedes_id: uuid.UUID | None
    decision_id: uuid.UUID | None
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: str
    frequency: str
    method: str
    start_date: dt.date
    end_date: dt.date | None
    active: bool

    @classmethod
    def of(cls, ent: Any) -> EntitlementPublic:
        """From the record."""
        return cls.model_validate({**_columns(ent), "amount": format_cents(ent.amount_cents)})


class IssuanceCreate(BaseModel):
    payment_type: str = Field(
        description="emergency_funds, food_voucher, drug_card, shelter, travel, funeral"
    )
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: str
    method: str
    pay_date: dt.date
    explanation: str = Field("", description="why it is needed; required when it goes to an approver")
    nights: int | None = None
    cheque_number: str | None = Field(None, description="a manual cheque's number")
    office_id: uuid.UUID | None = None
    idempotency_key: str | None = Field(None, max_length=100)


class IssuancePublic(_Out):
    id: uuid.UUID
    idempotency_key: str
    payment_type: str
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    method: str
    pay_date: dt.date
    period_start: dt.date | None
    gross: str
    deduction: str
    net: str
    nights: int | None
    state: str
    requested_by: str
    approved_by: str | None
    cheque_number: str | None
    voucher_number: str | None

    @classmethod
    def of(cls, iss: Any) -> IssuancePublic:
        """From the record."""
        return cls.model_validate(
            {
                **_columns(iss),
                "gross": format_cents(iss.gross_cents),
                "deduction": format_cents(iss.deduction_cents),
                "net": format_cents(iss.net_cents),
            }
        )


class AuthorityPublic(BaseModel):
    allowed: bool
    needs_approval_by_role: str | None
    limit: int | None = Field(description="cents, or nights for shelter")
    reason: str


class OverpaymentCreate(BaseModel):
    unit_id: uuid.UUID
    program: str
    amount: str
    source: str = Field(description="reassessment, investigation or manual")
    reason: str
    idempotency_key: str | None = None


class OverpaymentPublic(_Out):
    id: uuid.UUID
    unit_id: uuid.UUID
    program: str
    amount: str
    balance: str
    source: str
    reason: str
    state: str

    @classmethod
    def of(cls, op: Any) -> OverpaymentPublic:
        """From the record."""
        return cls.model_validate(
            {
                **_columns(op),
                "amount": format_cents(op.amount_cents),
                "balance": format_cents(op.balance_cents),
            }
        )


class ChangePublic(BaseModel):
    entitlement: EntitlementPublic
    arrears: list[IssuancePublic]
    overpayments: list[OverpaymentPublic]


class Repayment(BaseModel):
    amount: str
    note: str = ""


class WriteOffRequest(BaseModel):
    reason: str


class ApprovalPublic(_Out):
    id: uuid.UUID
    subject_type: str
    subject_id: uuid.UUID
    kind: str
    needed_role: str
    program: str
    payment_type: str
    amount: str
    nights: int | None
    reason: str
    explanation: str
    requested_by: str
    state: str
    decided_by: str | None
    decision_note: str | None

    @classmethod
    def of(cls, req: Any) -> ApprovalPublic:
        """From the record."""
        return cls.model_validate({**_columns(req), "amount": format_cents(req.amount_cents)})


class ApprovalDecision(BaseModel):
    approve: bool
    note: str = ""


class RunCreate(BaseModel):
    pay_date: dt.date


class BatchCreate(BaseModel):
    pay_date: dt.date
    idempotency_key: str | None = Field(None, max_length=100)


class BatchPublic(_Out):
    id: uuid.UUID
    number: str
    pay_date: dt.date
    state: str
    item_count: int
    total: str
    built_by: str
    approved_by: str | None
    message_id: str | None
    file_name: str | None
    file_sha256: str | None

    @classmethod
    def of(cls, batch: Any) -> BatchPublic:
        """From the record."""
        return cls.model_validate({**_columns(batch), "total": format_cents(batch.total_cents)})


class RunPublic(BaseModel):
    period: str
    created: int
    already_issued: int
    batch: BatchPublic


class ExportPublic(BaseModel):
    batch: BatchPublic
    files: list[str]


class ReconcilePublic(BaseModel):
    batch: BatchPublic
    paid: int
    returned: int
    still_pending: int
    already_imported: bool


class PeriodClose(BaseModel):
    month: str = Field(description="YYYY-MM")


class BudgetSet(BaseModel):
    program: str
    office_id: uuid.UUID
    fiscal_year: int = Field(description="the year it starts: 2026 is April 2026 to March 2027")
    amount: str


class BudgetLinePublic(BaseModel):
    program: str
    office_id: uuid.UUID | None
    fiscal_year: str
    budget: str | None
    committed: str
    spent: str
    remaining: str | None


class InvoiceCreate(BaseModel):
    payee_id: uuid.UUID
    vendor_reference: str
    unit_id: uuid.UUID
    program: str
    amount: str
    description: str
    received_on: dt.date
    office_id: uuid.UUID | None = None


class InvoiceApprove(BaseModel):
    pay_date: dt.date


class InvoicePublic(_Out):
    id: uuid.UUID
    payee_id: uuid.UUID
    vendor_reference: str
    unit_id: uuid.UUID
    program: str
    amount: str
    description: str
    received_on: dt.date
    state: str
    issuance_id: uuid.UUID | None

    @classmethod
    def of(cls, inv: Any) -> InvoicePublic:
        """From the record."""
        return cls.model_validate({**_columns(inv), "amount": format_cents(inv.amount_cents)})


class LedgerCheckPublic(BaseModel):
    ok: bool
    entries: int
    lines: int
    debits: str
    credits: str
    problems: list[str]


class ProgramAccountPublic(BaseModel):
    program: str
    paid: str
    in_transit: str
    owed: str
    overpayment_owed: str
    recovered: dict[str, str]


def _columns(record: Any) -> dict[str, Any]:
    return {c.key: getattr(record, c.key) for c in record.__table__.columns}
