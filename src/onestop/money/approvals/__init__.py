"""Maker-checker: the approval queue and its decisions (issuances, invoices, write-offs)."""

from onestop.money.approvals.services import decide_approval, list_approvals

__all__ = ["decide_approval", "list_approvals"]
