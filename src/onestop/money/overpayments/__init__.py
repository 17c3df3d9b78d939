"""Overpayments and their recovery: deduction, repayment, write-off."""

from onestop.money.overpayments.services import (
    create_overpayment,
    list_overpayments,
    record_repayment,
    request_write_off,
)

__all__ = ["create_overpayment", "list_overpayments", "record_repayment", "request_write_off"]
