"""/api/ledger (verify, balances), /api/units/{id}/account and /api/budgets."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from onestop import money
from onestop.common.money import format_cents
from onestop.money import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["ledger"])


@router.get("/ledger/verify", response_model=s.LedgerCheckPublic)
def verify(uow: UowDep, actor: CurrentActor) -> s.LedgerCheckPublic:
    """Is every entry balanced and in step with the issuances? (The check is audited.)"""
    r = money.verify_ledger(uow, actor=actor)
    return s.LedgerCheckPublic(
        ok=r.ok,
        entries=r.entries,
        lines=r.lines,
        debits=format_cents(r.debits_cents),
        credits=format_cents(r.credits_cents),
        problems=r.problems,
    )


@router.get("/ledger/balances")
def balances(uow: UowDep, actor: CurrentActor) -> dict[str, str]:
    """Balance (debit - credit) of each kind of account."""
    return {k: format_cents(v) for k, v in money.trial_balance(uow, actor=actor).items()}


@router.get("/units/{unit_id}/account", response_model=list[s.ProgramAccountPublic])
def client_account(uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID) -> list[s.ProgramAccountPublic]:
    """What a unit was paid, is owed, and what was recovered from it, per program."""
    found = money.client_account(uow, actor=actor, unit_id=unit_id)
    return [
        s.ProgramAccountPublic(
            program=program,
            paid=format_cents(a.paid),
            in_transit=format_cents(a.in_transit),
            owed=format_cents(a.owed),
            overpayment_owed=format_cents(a.overpayment_owed),
            recovered={k: format_cents(v) for k, v in a.recovered.items()},
        )
        for program, a in sorted(found.items())
    ]


@router.put("/budgets", response_model=s.BudgetLinePublic)
def set_budget(uow: UowDep, actor: CurrentActor, body: s.BudgetSet) -> s.BudgetLinePublic:
    """Set a program's budget in an office for a fiscal year."""
    b = money.set_budget(
        uow,
        actor=actor,
        program=body.program,
        office_id=body.office_id,
        fiscal_year=body.fiscal_year,
        amount_cents=body.amount,
    )
    return s.BudgetLinePublic(
        program=b.program,
        office_id=b.office_id,
        fiscal_year=str(b.fiscal_year),
        budget=format_cents(b.amount_cents),
        committed="-",
        spent="-",
        remaining=None,
    )


@router.get("/budgets", response_model=list[s.BudgetLinePublic])
def budget_report(
    uow: UowDep, actor: CurrentActor, fiscal_year: int | None = None
) -> list[s.BudgetLinePublic]:
    """Budget, committed and spent per program and office (default: the current fiscal year)."""
    return [
        s.BudgetLinePublic(
            program=ln.program,
            office_id=ln.office_id,
            fiscal_year=ln.label,
            budget=None if ln.budget_cents is None else format_cents(ln.budget_cents),
            committed=format_cents(ln.committed_cents),
            spent=format_cents(ln.spent_cents),
            remaining=None if ln.remaining_cents is None else format_cents(ln.remaining_cents),
        )
        for ln in money.budget_report(uow, actor=actor, fiscal_year=fiscal_year)
    ]
