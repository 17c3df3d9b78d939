"""Reading the ledger: ``verify`` (balanced, and in step with issuances), client accounts, balances."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.db import UnitOfWork
from onestop.money.domain import IssuanceState
from onestop.money.ledger import repository as ledger_queries
from onestop.money.ledger import services as ledger
from onestop.money.ledger.domain import Account
from onestop.money.models import Issuance, Overpayment, Recovery


def verify_ledger(uow: UnitOfWork, *, actor: Actor) -> ledger.LedgerCheck:
    """Check every entry balances and every issuance's postings match it; the check is audited."""
    with uow:
        require(uow, actor, Permission.MONEY_LEDGER_READ, subject_type="ledger")
        result = ledger.check(uow.session)
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.LEDGER_VERIFY,
            subject_type="ledger",
            subject_id=None,
            outcome="ok" if result.ok else "failed",
            details={"entries": result.entries, "lines": result.lines, "problems": result.problems[:5]},
        )
        uow.commit()
    return result


@dataclass
class ProgramAccount:
    """One program's figures for a unit (cents)."""

    paid: int = 0  # confirmed paid (bank, cheque or voucher)
    in_transit: int = 0  # in a payment file, not yet confirmed
    owed: int = 0  # issued, waiting for a batch (client payable)
    overpayment_owed: int = 0  # the unit owes this back
    recovered: dict[str, int] = field(default_factory=dict)  # by method: deduction, repayment, write_off


def client_account(uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID) -> dict[str, ProgramAccount]:
    """What was paid to, is owed to, and was recovered from a unit, per program."""
    with uow:
        require(uow, actor, Permission.MONEY_ISSUE, subject_type="unit", subject_id=unit_id)
        accounts: dict[str, ProgramAccount] = defaultdict(ProgramAccount)
        for r in ledger_queries.balances(uow.session, unit_id=unit_id):
            if r.account == Account.CLIENT_PAYABLE.value:
                accounts[r.program].owed -= int(r.balance)
            elif r.account == Account.OVERPAYMENT_RECEIVABLE.value:
                accounts[r.program].overpayment_owed += int(r.balance)
        i = Issuance.__table__.c
        for program, state, net in uow.session.execute(
            select(i.program, i.state, func.sum(i.net_cents))
            .where(
                i.unit_id == unit_id, i.state.in_([IssuanceState.PAID.value, IssuanceState.EXPORTED.value])
            )
            .group_by(i.program, i.state)
        ):
            if state == IssuanceState.PAID.value:
                accounts[program].paid += int(net)
            else:
                accounts[program].in_transit += int(net)
        for program, method, cents in uow.session.execute(
            select(Overpayment.program, Recovery.method, func.sum(Recovery.amount_cents))
            .join(Overpayment, Recovery.overpayment_id == Overpayment.id)
            .where(Overpayment.unit_id == unit_id)
            .group_by(Overpayment.program, Recovery.method)
        ):
            accounts[program].recovered[method] = int(cents)
        return audit.audited_read(
            uow,
            dict(accounts),
            actor=actor,
            action=AuditAction.UNIT_ACCOUNT_READ,
            subject_type="unit",
            subject_id=unit_id,
        )


def trial_balance(uow: UnitOfWork, *, actor: Actor) -> dict[str, int]:
    """Balance (debit - credit) of each kind of account; they sum to zero."""
    with uow:
        require(uow, actor, Permission.MONEY_LEDGER_READ, subject_type="ledger")
        totals: dict[str, int] = defaultdict(int)
        for r in ledger_queries.balances(uow.session):
            totals[r.account] += int(r.balance)
        return dict(totals)
