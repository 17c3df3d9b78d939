"""Money: entitlements, issuances within authority, approvals, the double-entry ledger, payment batches
and files (ISO 20022 pain.001 out, pain.002 back), cheques, overpayments and recovery, budgets, invoices.

Other areas and the web/CLI use the names below; see ``docs/money.md``.
"""

from onestop.money.approvals import decide_approval, list_approvals
from onestop.money.authority import AuthorityDecision, AuthorityPolicy, check_authority, default_policy
from onestop.money.batches import (
    approve_batch,
    build_batch,
    cheque_register,
    close_period,
    find_batch,
    get_batch,
    list_batches,
)
from onestop.money.budgets import BudgetLine, budget_report, set_budget
from onestop.money.domain import (
    BatchState,
    Frequency,
    IssuanceState,
    ItemState,
    PayeeKind,
    PaymentMethod,
    PaymentType,
)
from onestop.money.entitlements import ChangeResult, change_entitlement, create_entitlement, list_entitlements
from onestop.money.exports import ExportResult, export_batch
from onestop.money.generation import GenerationResult, generate_recurring
from onestop.money.invoices import approve_invoice, list_invoices, record_invoice
from onestop.money.issuances import cancel_issuance, get_issuance, issue_payment, list_issuances
from onestop.money.ledger import LedgerCheck
from onestop.money.overpayments import (
    create_overpayment,
    list_overpayments,
    record_repayment,
    request_write_off,
)
from onestop.money.payees import create_payee, get_payee, list_payees
from onestop.money.reconcile import ReconcileResult, reconcile_batch
from onestop.money.runs import RunResult, run_payments
from onestop.money.statements import client_account, trial_balance, verify_ledger

__all__ = [
    "AuthorityDecision",
    "AuthorityPolicy",
    "BatchState",
    "BudgetLine",
    "ChangeResult",
    "ExportResult",
    "Frequency",
    "GenerationResult",
    "IssuanceState",
    "ItemState",
    "LedgerCheck",
    "PayeeKind",
    "PaymentMethod",
    "PaymentType",
    "ReconcileResult",
    "RunResult",
    "approve_batch",
    "approve_invoice",
    "budget_report",
    "build_batch",
    "cancel_issuance",
    "change_entitlement",
    "check_authority",
    "cheque_register",
    "client_account",
    "close_period",
    "create_entitlement",
    "create_overpayment",
    "create_payee",
    "decide_approval",
    "default_policy",
    "export_batch",
    "find_batch",
    "generate_recurring",
    "get_batch",
    "get_issuance",
    "get_payee",
    "issue_payment",
    "list_approvals",
    "list_batches",
    "list_entitlements",
    "list_invoices",
    "list_issuances",
    "list_overpayments",
    "list_payees",
    "reconcile_batch",
    "record_invoice",
    "record_repayment",
    "request_write_off",
    "run_payments",
    "set_budget",
    "trial_balance",
    "verify_ledger",
]
