"""Errors of the money area, each a kind the web and CLI already know how to report."""

from __future__ import annotations

import datetime as dt

from onestop.common.errors import Conflict, InvalidInput, NotFound, PermissionDenied


class MoneyNotFound(NotFound):
    """A money record that does not exist."""

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"no {kind} with id {ident}")
        self.kind = kind


class PeriodClosed(InvalidInput):
    """A date in an accounting month that has been closed."""

    def __init__(self, field: str, day: dt.date) -> None:
        super().__init__(field, f"{day.isoformat()} is in a closed period ({day:%Y-%m})")


class SelfApproval(PermissionDenied):
    """Maker-checker: nobody approves their own request or batch."""

    def __init__(self, what: str) -> None:
        super().__init__(f"you cannot approve {what} you made yourself; another person must")


class BeyondAuthority(PermissionDenied):
    """The approver's own authority does not cover the amount."""


class ChequeNumberUsed(Conflict):
    """A cheque number already in the register."""

    def __init__(self, number: str) -> None:
        super().__init__(f"cheque number {number} is already in the cheque register")
        self.field = "cheque_number"


class PaymentFileInvalid(InvalidInput):
    """A payment or status file that does not match its ISO 20022 schema (or its batch)."""
