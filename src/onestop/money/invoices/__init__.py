"""Vendor invoices: recorded once per vendor reference, paid through an issuance when approved."""

from onestop.money.invoices.services import (
    approve_invoice,
    list_invoices,
    record_funding_invoice,
    record_invoice,
)

__all__ = ["approve_invoice", "list_invoices", "record_funding_invoice", "record_invoice"]
