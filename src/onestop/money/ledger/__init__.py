"""The double-entry ledger: the entries each event posts (``domain``), posting them once
(``services``), the queries behind the checks (``repository``) and the statements and checks
staff read (``statements``)."""

from onestop.money.ledger.services import LedgerCheck, post
from onestop.money.ledger.statements import client_account, trial_balance, verify_ledger

__all__ = ["LedgerCheck", "client_account", "post", "trial_balance", "verify_ledger"]
