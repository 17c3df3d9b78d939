"""Pure rules of the money area: kinds and states, pay periods, fiscal years, amounts, recovery caps.

Nothing here touches the database or the clock; services pass dates and amounts in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import hashlib
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import TypeVar

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.money import to_cents


class Frequency(enum.StrEnum):
    """How often an entitlement pays."""

    MONTHLY = "monthly"
    SEMI_MONTHLY = "semi_monthly"
    ONE_TIME = "one_time"


class PaymentMethod(enum.StrEnum):
    """How the money reaches the payee."""

    DIRECT_DEPOSIT = "direct_deposit"
    CHEQUE = "cheque"
    THIRD_PARTY = "third_party"  # direct deposit to a landlord, utility or vendor
    VOUCHER = "voucher"  # in kind: food voucher or drug card, redeemed by a vendor


class PaymentType(enum.StrEnum):
    """What an issuance is for; authority limits are set per payment type."""

    RECURRING = "recurring"
    ARREARS = "arrears"
    EMERGENCY_FUNDS = "emergency_funds"
    FOOD_VOUCHER = "food_voucher"
    DRUG_CARD = "drug_card"
    SHELTER = "shelter"
    TRAVEL = "travel"
    FUNERAL = "funeral"
    INVOICE = "invoice"
    PROJECT_FUNDING = "project_funding"  # a sponsor's instalment: an invoice for no benefit unit


class PayeeKind(enum.StrEnum):
    """Who is paid: the client, or a third party on the client's behalf."""

    CLIENT = "client"
    LANDLORD = "landlord"
    UTILITY = "utility"
    VENDOR = "vendor"


class IssuanceState(enum.StrEnum):
    """Life of one issuance."""

    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"  # ready for the next batch
    BATCHED = "batched"
    EXPORTED = "exported"  # released to the bank in a payment file
    PAID = "paid"
    REJECTED = "rejected"  # refused by the approver: never paid
    CANCELLED = "cancelled"


class BatchState(enum.StrEnum):
    """Life of a payment batch: each step is idempotent and resumable."""

    BUILT = "built"
    APPROVED = "approved"
    EXPORTING = "exporting"  # file content fixed (message id, time); file being written
    EXPORTED = "exported"
    RECONCILED = "reconciled"


class ItemState(enum.StrEnum):
    """One issuance inside one batch."""

    INCLUDED = "included"
    EXPORTED = "exported"
    PAID = "paid"
    RETURNED = "returned"  # rejected or returned by the bank; the issuance is re-opened


class ApprovalState(enum.StrEnum):
    """An approval request (maker-checker)."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class InvoiceState(enum.StrEnum):
    """A vendor invoice."""

    RECEIVED = "received"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    REJECTED = "rejected"


S = TypeVar("S", bound=enum.StrEnum)

#: Every state change allowed, one table per state machine; anything else is ``InvalidTransition``.
ISSUANCE_TRANSITIONS: Mapping[IssuanceState, frozenset[IssuanceState]] = {
    IssuanceState.PENDING_APPROVAL: frozenset(
        {IssuanceState.APPROVED, IssuanceState.REJECTED, IssuanceState.CANCELLED}
    ),
    # approved: into a batch, cancelled, or paid at once (manual cheque, voucher)
    IssuanceState.APPROVED: frozenset({IssuanceState.BATCHED, IssuanceState.CANCELLED, IssuanceState.PAID}),
    IssuanceState.BATCHED: frozenset({IssuanceState.EXPORTED}),
    IssuanceState.EXPORTED: frozenset({IssuanceState.PAID, IssuanceState.APPROVED}),  # approved: returned
}
BATCH_TRANSITIONS: Mapping[BatchState, frozenset[BatchState]] = {
    BatchState.BUILT: frozenset({BatchState.APPROVED}),
    BatchState.APPROVED: frozenset({BatchState.EXPORTING}),
    BatchState.EXPORTING: frozenset({BatchState.EXPORTED}),
    BatchState.EXPORTED: frozenset({BatchState.RECONCILED}),
}
APPROVAL_TRANSITIONS: Mapping[ApprovalState, frozenset[ApprovalState]] = {
    ApprovalState.PENDING: frozenset({ApprovalState.APPROVED, ApprovalState.REJECTED}),
}
INVOICE_TRANSITIONS: Mapping[InvoiceState, frozenset[InvoiceState]] = {
    InvoiceState.RECEIVED: frozenset({InvoiceState.APPROVED, InvoiceState.PENDING_APPROVAL}),
    InvoiceState.PENDING_APPROVAL: frozenset({InvoiceState.APPROVED, InvoiceState.REJECTED}),
}


def transition(table: Mapping[S, frozenset[S]], current: str, wanted: S, *, what: str) -> S:
    """The new state when ``table`` allows ``current -> wanted``; else ``InvalidTransition``."""
    allowed = next((targets for state, targets in table.items() if state.value == current), frozenset())
    if wanted not in allowed:
        raise InvalidTransition(f"{what} is already {current}; it cannot become {wanted.value}")
    return wanted


BATCH_NEXT: Mapping[BatchState, BatchState] = {
    BatchState.BUILT: BatchState.APPROVED,
    BatchState.APPROVED: BatchState.EXPORTING,
    BatchState.EXPORTING: BatchState.EXPORTED,
    BatchState.EXPORTED: BatchState.RECONCILED,
}


def check_batch_step(current: BatchState, wanted: BatchState) -> None:
    """Refuse a batch step its state does not allow."""
    if BATCH_NEXT.get(current) != wanted:
        raise InvalidTransition(f"a batch that is {current.value} cannot become {wanted.value}")


def amount_cents(value: object, *, field: str) -> int:
    """A strictly positive amount in cents from a decimal string or int cents-free amount."""
    cents = to_cents(value, field=field)
    if cents <= 0:
        raise InvalidInput(field, "must be more than zero")
    return cents


def positive_cents(cents: int, *, field: str) -> int:
    """Check an amount already in cents (API and services take cents too)."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise InvalidInput(field, "must be a whole number of cents")
    if cents <= 0:
        raise InvalidInput(field, "must be more than zero")
    return cents


# ---- periods --------------------------------------------------------------------------------


def parse_month(value: str, *, field: str = "period") -> tuple[int, int]:
    """Read a month "YYYY-MM"."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(value).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInput(field, f"is not a month (YYYY-MM): {value!r}")
    return int(match.group(1)), int(match.group(2))


def month_label(day: dt.date) -> str:
    """The month a date falls in, as "YYYY-MM" (the unit of closing periods)."""
    return f"{day.year:04d}-{day.month:02d}"


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def pay_dates_in_month(frequency: Frequency, year: int, month: int) -> list[dt.date]:
    """Start of each pay period in a month: the 1st, and the 16th for semi-monthly."""
    if frequency is Frequency.MONTHLY:
        return [dt.date(year, month, 1)]
    if frequency is Frequency.SEMI_MONTHLY:
        return [dt.date(year, month, 1), dt.date(year, month, 16)]
    return []


def payments_per_month(frequency: Frequency) -> int:
    """How many payments a month an entitlement makes (one-time counts as one)."""
    return 2 if frequency is Frequency.SEMI_MONTHLY else 1


def due_dates(
    frequency: Frequency, start: dt.date, end: dt.date | None, year: int, month: int
) -> list[dt.date]:
    """Pay-period starts in a month that an entitlement running from ``start`` to ``end`` covers."""
    if frequency is Frequency.ONE_TIME:
        first, last = month_bounds(year, month)
        return [start] if first <= start <= last and (end is None or start <= end) else []
    return [d for d in pay_dates_in_month(frequency, year, month) if start <= d and (end is None or d <= end)]


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """Every (year, month) from ``first``'s month to ``last``'s month inclusive."""
    out: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def fiscal_year(day: dt.date) -> int:
    """The fiscal year (April 1 to March 31) a date falls in, named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_label(year: int) -> str:
    """ "2026-27" for the year starting 1 April 2026."""
    return f"{year}-{(year + 1) % 100:02d}"


# ---- adjustments, recovery, sampling ----------------------------------------------------------


@dataclass(frozen=True)
class Adjustment:
    """The difference for one past pay period after a retroactive change."""

    pay_date: dt.date
    issued_cents: int
    due_cents: int

    @property
    def difference(self) -> int:
        """Positive: arrears owed to the client; negative: overpaid."""
        return self.due_cents - self.issued_cents


def retro_adjustments(issued: Mapping[dt.date, int], due: Mapping[dt.date, int]) -> list[Adjustment]:
    """Compare what was issued per period with what should have been; only differences are kept."""
    periods = sorted(set(issued) | set(due))
    found = [Adjustment(p, issued.get(p, 0), due.get(p, 0)) for p in periods]
    return [a for a in found if a.difference != 0]


def recovery_deduction(balance_cents: int, benefit_cents: int, cap_share: Decimal) -> int:
    """What to withhold from one benefit payment: the overpayment left, capped at a share of it."""
    cap = int((Decimal(benefit_cents) * cap_share).to_integral_value(rounding=ROUND_FLOOR))
    return max(0, min(balance_cents, cap, benefit_cents))


def sampled_for_second_check(issuance_id: uuid.UUID, share: Decimal) -> bool:
    """Deterministic sample: the same issuance id is always in or out, so tests are reproducible."""
    bucket = int.from_bytes(hashlib.sha256(issuance_id.bytes).digest()[:8], "big") % 10_000
    return bucket < int(share * 10_000)


def derived_key(*parts: object) -> str:
    """An idempotency key from the facts that make two requests "the same payment"."""
    text = "|".join(str(p) for p in parts)
    return "d:" + hashlib.sha256(text.encode()).hexdigest()[:40]


def total(values: Iterable[int]) -> int:
    """Exact sum of cents."""
    return sum(values, 0)


# ---- banking details --------------------------------------------------------------------------


@dataclass(frozen=True)
class BankAccount:
    """A Canadian account: institution (3 digits), transit (5 digits), account (7 to 12 digits)."""

    institution: str
    transit: str
    account: str

    @property
    def routing(self) -> str:
        """The CPA routing number used in payment files: 0 + institution + transit."""
        return f"0{self.institution}{self.transit}"

    @property
    def masked(self) -> str:
        """What screens show."""
        return "*" * (len(self.account) - 3) + self.account[-3:]


def bank_account(institution: str | None, transit: str | None, account: str | None) -> BankAccount | None:
    """Validate banking details; all three or none."""
    given = [v for v in (institution, transit, account) if v not in (None, "")]
    if not given:
        return None
    checks = (("institution", institution, 3, 3), ("transit", transit, 5, 5), ("account", account, 7, 12))
    for field, value, low, high in checks:
        text = (value or "").strip()
        if not text.isdigit() or not low <= len(text) <= high:
            size = f"{low}" if low == high else f"{low} to {high}"
            raise InvalidInput(f"bank.{field}", f"must be {size} digits")
    assert institution and transit and account
    return BankAccount(institution.strip(), transit.strip(), account.strip())


def needs_bank_account(method: PaymentMethod) -> bool:
    """Direct deposit and third-party payments go through the bank file, so need an account."""
    return method in (PaymentMethod.DIRECT_DEPOSIT, PaymentMethod.THIRD_PARTY)


#: Encryption context of a payee's bank account number (``money_payee.account``): set on write, needed
#: to read it back for the payee page and for the payment file.
ACCOUNT_CONTEXT = "money_payee.account"
