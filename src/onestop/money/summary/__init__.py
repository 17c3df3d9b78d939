"""A unit's money in one read, for the person page: entitlements, payments, overpayments, the ledger
balance, and the answer to "where is my payment?"."""

from onestop.money.summary.schemas import (
    EntitlementLine,
    OverpaymentLine,
    PaymentLine,
    RecoveryLine,
    UnitBalance,
    UnitMoney,
)
from onestop.money.summary.services import unit_money

__all__ = [
    "EntitlementLine",
    "OverpaymentLine",
    "PaymentLine",
    "RecoveryLine",
    "UnitBalance",
    "UnitMoney",
    "unit_money",
]
