"""The chart of accounts and the journal entries each money event posts (pure, no database).

An account is a kind plus its dimensions (benefit unit, program). Each event makes one balanced
entry; a mistake is corrected by a reversing entry, never by editing lines.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from onestop.common.errors import InvalidInput


class Account(enum.StrEnum):
    """Kinds of account. Client accounts are kept per benefit unit and program."""

    PROGRAM_EXPENSE = "program_expense"  # per program: what the program has spent
    CLIENT_PAYABLE = "client_payable"  # per unit and program: issued and not yet released
    BENEFITS_PAYABLE = "benefits_payable"  # released in a payment file, awaiting the bank
    BANK_CLEARING = "bank_clearing"  # the department's bank account (credit = money out)
    VOUCHER_CLEARING = "voucher_clearing"  # vouchers handed out, redeemed by vendors
    OVERPAYMENT_RECEIVABLE = "overpayment_receivable"  # per unit and program: owed back by the client
    WRITE_OFF_EXPENSE = "write_off_expense"  # per program: overpayments that will not be recovered


@dataclass(frozen=True)
class Line:
    """One side of an entry: a debit or a credit of a positive amount on one account."""

    account: Account
    debit_cents: int = 0
    credit_cents: int = 0
    unit_id: uuid.UUID | None = None
    program: str | None = None
    issuance_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Entry:
    """A balanced journal entry."""

    kind: str
    memo: str
    lines: Sequence[Line] = field(default_factory=tuple)


class Unbalanced(InvalidInput):
    """An entry whose debits and credits differ (a programming error if it ever happens)."""


def check_balanced(lines: Iterable[Line]) -> int:
    """Return the entry's total; refuse negative sides, lines with both sides, or debits != credits."""
    debits = credits = 0
    count = 0
    for line in lines:
        count += 1
        if line.debit_cents < 0 or line.credit_cents < 0:
            raise Unbalanced("lines", "a line amount is negative")
        if (line.debit_cents == 0) == (line.credit_cents == 0):
            raise Unbalanced("lines", "each line is either a debit or a credit, not both or neither")
        debits += line.debit_cents
        credits += line.credit_cents
    if count < 2 or debits != credits:
        raise Unbalanced("lines", f"debits {debits} do not equal credits {credits}")
    return debits


def dr(account: Account, cents: int, **dims: object) -> Line:
    """A debit line."""
    return Line(account, debit_cents=cents, **dims)  # type: ignore[arg-type]


def cr(account: Account, cents: int, **dims: object) -> Line:
    """A credit line."""
    return Line(account, credit_cents=cents, **dims)  # type: ignore[arg-type]


@dataclass(frozen=True)
class IssuedAmount:
    """What an issuance commits: gross benefit, of which ``deduction`` recovers an overpayment."""

    issuance_id: uuid.UUID
    unit_id: uuid.UUID | None  # none for a sponsor's project funding
    program: str
    gross_cents: int
    deduction_cents: int = 0

    @property
    def net_cents(self) -> int:
        """What the payee receives."""
        return self.gross_cents - self.deduction_cents

    @property
    def dims(self) -> dict[str, object]:
        """What a line about this issuance is kept under: the unit, the program and the issuance."""
        return {"unit_id": self.unit_id, "program": self.program, "issuance_id": self.issuance_id}


def issue_lines(item: IssuedAmount) -> list[Line]:
    """Approving an issuance: expense the gross; owe the client the net; recover the deduction."""
    dims = item.dims
    lines = [
        dr(Account.PROGRAM_EXPENSE, item.gross_cents, program=item.program, issuance_id=item.issuance_id)
    ]
    if item.net_cents:
        lines.append(cr(Account.CLIENT_PAYABLE, item.net_cents, **dims))
    if item.deduction_cents:
        lines.append(cr(Account.OVERPAYMENT_RECEIVABLE, item.deduction_cents, **dims))
    return lines


def release_lines(items: Sequence[IssuedAmount], *, to: Account = Account.BENEFITS_PAYABLE) -> list[Line]:
    """Releasing issuances (file export, manual cheque, voucher): clear each client's payable."""
    lines = [_client_payable(dr, i) for i in items if i.net_cents]
    lines.append(cr(to, sum(i.net_cents for i in items)))
    return lines


def _client_payable(side: Callable[..., Line], item: IssuedAmount) -> Line:
    """One client's payable, on the side given: released issuances clear it, returned ones owe it again."""
    return side(Account.CLIENT_PAYABLE, item.net_cents, **item.dims)


def settle_lines(cents: int) -> list[Line]:
    """The bank confirmed payment: money leaves the bank account."""
    return [dr(Account.BENEFITS_PAYABLE, cents), cr(Account.BANK_CLEARING, cents)]


def return_lines(items: Sequence[IssuedAmount]) -> list[Line]:
    """The bank returned payments: they are owed to the clients again (re-opened for re-issue)."""
    lines = [dr(Account.BENEFITS_PAYABLE, sum(i.net_cents for i in items))]
    lines += [_client_payable(cr, i) for i in items]
    return lines


def overpayment_lines(unit_id: uuid.UUID, program: str, cents: int) -> list[Line]:
    """Setting up an overpayment: the client owes it back; the program's expense was too high."""
    return [
        dr(Account.OVERPAYMENT_RECEIVABLE, cents, unit_id=unit_id, program=program),
        cr(Account.PROGRAM_EXPENSE, cents, program=program),
    ]


def repayment_lines(unit_id: uuid.UUID, program: str, cents: int) -> list[Line]:
    """The client paid some back."""
    return [
        dr(Account.BANK_CLEARING, cents),
        cr(Account.OVERPAYMENT_RECEIVABLE, cents, unit_id=unit_id, program=program),
    ]


def write_off_lines(unit_id: uuid.UUID, program: str, cents: int) -> list[Line]:
    """An approved write-off: the receivable becomes an expense."""
    return [
        dr(Account.WRITE_OFF_EXPENSE, cents, program=program),
        cr(Account.OVERPAYMENT_RECEIVABLE, cents, unit_id=unit_id, program=program),
    ]


def reversal(lines: Iterable[Line]) -> list[Line]:
    """The lines that undo an entry: each debit becomes a credit and the other way round."""
    return [
        Line(ln.account, ln.credit_cents, ln.debit_cents, ln.unit_id, ln.program, ln.issuance_id)
        for ln in lines
    ]
