"""Paying: authority, issuances (one-off and recurring generation), batches, payment files
(pain.001 out, cheques, pain.002 back and reconciliation) and the whole payment run."""

from onestop.money.payments import cheques
from onestop.money.payments.authority import (
    AuthorityDecision,
    AuthorityPolicy,
    check_authority,
    default_policy,
)
from onestop.money.payments.batches import (
    approve_batch,
    build_batch,
    cheque_register,
    close_period,
    find_batch,
    get_batch,
    list_batches,
)
from onestop.money.payments.exports import BATCH_FILES, ExportResult, export_batch, open_batch_file
from onestop.money.payments.generation import GenerationResult, generate_recurring
from onestop.money.payments.issuances import cancel_issuance, get_issuance, issue_payment, list_issuances
from onestop.money.payments.reconcile import ReconcileResult, reconcile_batch
from onestop.money.payments.runs import RunResult, run_payments

__all__ = [
    "BATCH_FILES",
    "AuthorityDecision",
    "AuthorityPolicy",
    "ExportResult",
    "GenerationResult",
    "ReconcileResult",
    "RunResult",
    "approve_batch",
    "build_batch",
    "cancel_issuance",
    "check_authority",
    "cheque_register",
    "cheques",
    "close_period",
    "default_policy",
    "export_batch",
    "find_batch",
    "generate_recurring",
    "get_batch",
    "get_issuance",
    "issue_payment",
    "list_batches",
    "list_issuances",
    "open_batch_file",
    "reconcile_batch",
    "run_payments",
]
