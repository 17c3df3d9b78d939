"""The money area's service boundary: inputs (``XCreate``, ``XChange``..., unknown fields refused) and
public outputs (``XPublic``, read from the records). Amounts are ``Cents``: integer cents inside,
decimal strings ("1000.00") on the wire, never floats; kinds and methods are enums."""

from __future__ import annotations

import datetime as dt
import enum
import typing
import uuid
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator
from pydantic_core.core_schema import ValidationInfo

from onestop.common.errors import InvalidInput
from onestop.common.money import Cents
from onestop.money import domain
from onestop.money.domain import Frequency, PayeeKind, PaymentMethod, PaymentType


class _In(BaseModel):
    """A service input: a field the service does not know is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _listed(cls, value: object, info: ValidationInfo) -> object:
        """An enum field given a value it does not list is refused naming the field, like every rule."""
        name = info.field_name or "value"
        choices = _enum_in(cls.model_fields[name].annotation)
        if choices is None or value is None or isinstance(value, choices):
            return value
        try:
            return choices(value)
        except ValueError:
            listed = ", ".join(str(c.value) for c in choices)
            raise InvalidInput(name, f"must be one of {listed}") from None


class _Out(BaseModel):
    """A public output, read from the record's attributes (``XPublic.model_validate(row)``)."""

    model_config = ConfigDict(from_attributes=True)


def _written_amount(value: object, info: ValidationInfo) -> object:
    # A written amount ("612.00") is more than zero, refused here naming the field; int cents
    # (from code) are checked by the service that takes them.
    if value is None or isinstance(value, int):
        return value
    return domain.amount_cents(value, field=info.field_name or "amount")


def _enum_in(annotation: object) -> type[enum.Enum] | None:
    """The enum a field holds (``E`` or ``E | None``), if any."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate
    return None


def _stored(name: str) -> Any:
    """An output amount read from the record's ``<name>_cents`` column (or given as ``<name>``)."""
    return Field(validation_alias=AliasChoices(f"{name}_cents", name))


class PayeeCreate(_In):
    kind: PayeeKind
    name: str
    person_id: uuid.UUID | None = None
    institution: str | None = Field(None, description="3 digits")
    transit: str | None = Field(None, description="5 digits")
    account: str | None = Field(None, description="7 to 12 digits; stored encrypted")


class PayeePublic(_Out):
    id: uuid.UUID
    kind: PayeeKind
    name: str
    person_id: uuid.UUID | None
    account_masked: str | None
    state: str


class EntitlementCreate(_In):
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: Cents = Field(description="per payment, e.g. '612.00'")
    frequency: Frequency
    method: PaymentMethod
    start_date: dt.date
    end_date: dt.date | None = None
    decision_id: uuid.UUID | None = Field(
        None, description="the recorded decision; without one the entitlement waits for a second person"
    )
    office_id: uuid.UUID | None = None
    explanation: str = Field("", description="why, for the approver (set up by hand)")

    _amount = field_validator("amount", mode="before")(_written_amount)


class EntitlementChange(_In):
    effective_from: dt.date
    reason: str
    amount: Cents | None = None
    end_date: dt.date | None = None
    payee_id: uuid.UUID | None = None
    method: PaymentMethod | None = None
    decision_id: uuid.UUID | None = None

    _amount = field_validator("amount", mode="before")(_written_amount)


class EntitlementPublic(_Out):
    id: uuid.UUID
    series_id: uuid.UUID
    supersedes_id: uuid.UUID | None
    decision_id: uuid.UUID | None
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: Cents = _stored("amount")
    frequency: str
    method: str
    start_date: dt.date
    end_date: dt.date | None
    active: bool
    state: str


class IssuanceCreate(_In):
    payment_type: PaymentType = Field(
        description="emergency_funds, food_voucher, drug_card, shelter, travel or funeral"
    )
    program: str
    unit_id: uuid.UUID
    payee_id: uuid.UUID
    amount: Cents
    method: PaymentMethod
    pay_date: dt.date
    explanation: str = Field("", description="why it is needed; required when it goes to an approver")
    nights: int | None = None
    cheque_number: str | None = Field(None, description="a manual cheque's number")
    office_id: uuid.UUID | None = None
    idempotency_key: str | None = Field(None, max_length=100)

    _amount = field_validator("amount", mode="before")(_written_amount)


class IssuancePublic(_Out):
    id: uuid.UUID
    idempotency_key: str
    payment_type: str
    program: str
    unit_id: uuid.UUID | None
    payee_id: uuid.UUID
    method: str
    pay_date: dt.date
    period_start: dt.date | None
    gross: Cents = _stored("gross")
    deduction: Cents = _stored("deduction")
    net: Cents = _stored("net")
    nights: int | None
    state: str
    requested_by: str
    approved_by: str | None
    cheque_number: str | None
    voucher_number: str | None


class AuthorityPublic(BaseModel):
    allowed: bool
    needs_approval_by_role: str | None
    limit: int | None = Field(description="cents, or nights for shelter")
    reason: str


class OverpaymentCreate(_In):
    unit_id: uuid.UUID
    program: str
    amount: Cents
    source: str = Field(description="reassessment, investigation or manual")
    reason: str
    idempotency_key: str | None = None

    _amount = field_validator("amount", mode="before")(_written_amount)


class OverpaymentPublic(_Out):
    id: uuid.UUID
    unit_id: uuid.UUID
    program: str
    amount: Cents = _stored("amount")
    balance: Cents = _stored("balance")
    source: str
    reason: str
    state: str


class ChangePublic(BaseModel):
    entitlement: EntitlementPublic
    pending: bool = False
    arrears: list[IssuancePublic]
    overpayments: list[OverpaymentPublic]


class Repayment(_In):
    amount: Cents
    note: str = ""

    _amount = field_validator("amount", mode="before")(_written_amount)


class WriteOffRequest(_In):
    reason: str


class ApprovalPublic(_Out):
    id: uuid.UUID
    subject_type: str
    subject_id: uuid.UUID
    kind: str
    needed_role: str
    program: str
    payment_type: str
    amount: Cents = _stored("amount")
    nights: int | None
    reason: str
    explanation: str
    requested_by: str
    state: str
    decided_by: str | None
    decision_note: str | None


class ApprovalDecision(_In):
    approve: bool
    note: str = ""


class RunCreate(_In):
    pay_date: dt.date


class BatchCreate(_In):
    pay_date: dt.date
    idempotency_key: str | None = Field(None, max_length=100)


class BatchPublic(_Out):
    id: uuid.UUID
    number: str
    pay_date: dt.date
    state: str
    item_count: int
    total: Cents = _stored("total")
    built_by: str
    approved_by: str | None
    message_id: str | None
    file_name: str | None
    file_sha256: str | None


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


class PeriodClose(_In):
    month: str = Field(description="YYYY-MM")


class BudgetSet(_In):
    program: str
    office_id: uuid.UUID
    fiscal_year: int = Field(description="the year it starts: 2026 is April 2026 to March 2027")
    amount: Cents


class BudgetLinePublic(BaseModel):
    program: str
    office_id: uuid.UUID | None
    fiscal_year: str
    budget: str | None
    committed: str
    spent: str
    remaining: str | None


class _InvoiceIn(_In):
    """What every invoice states: who is paid, their reference, for what, how much, received when."""

    payee_id: uuid.UUID
    vendor_reference: str
    program: str
    amount: Cents
    description: str
    received_on: dt.date
    office_id: uuid.UUID | None = None

    _amount = field_validator("amount", mode="before")(_written_amount)


class InvoiceCreate(_InvoiceIn):
    """A vendor's invoice for what it supplied to a benefit unit."""

    unit_id: uuid.UUID


class FundingInvoiceCreate(_InvoiceIn):
    """An organization's claim for its own funding (a sponsor's project instalment): no benefit unit."""


class InvoiceApprove(_In):
    pay_date: dt.date


class InvoicePublic(_Out):
    id: uuid.UUID
    payee_id: uuid.UUID
    vendor_reference: str
    unit_id: uuid.UUID | None
    program: str
    amount: Cents = _stored("amount")
    description: str
    received_on: dt.date
    state: str
    issuance_id: uuid.UUID | None


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
