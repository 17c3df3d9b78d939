"""Budgets per program, office and fiscal year (April 1 to March 31), and committed-vs-spent reports.

Every approved issuance commits against the budget of its program, office and fiscal year (by pay
date); it counts as spent once paid. Budgets inform; they do not block an emergency payment.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from onestop.access import Actor, Office, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.models import Budget

BUDGET: support.Recorded[Budget] = support.Recorded(
    "budget", "program", "office_id", "fiscal_year", "amount_cents"
)


def set_budget(
    uow: UnitOfWork, *, actor: Actor, program: str, office_id: uuid.UUID, fiscal_year: int, amount_cents: int
) -> Budget:
    """Set (or change) the budget of a program in an office for a fiscal year."""
    with uow:
        require(uow, actor, Permission.MONEY_BUDGET_WRITE, subject_type="budget")
        if isinstance(amount_cents, bool) or not isinstance(amount_cents, int) or amount_cents < 0:
            raise InvalidInput("amount_cents", "must be a whole number of cents, zero or more")
        if not 2000 <= fiscal_year <= 2100:
            raise InvalidInput(
                "fiscal_year", "must be the year the fiscal year starts, e.g. 2026 for 2026-27"
            )
        if uow.session.get(Office, office_id) is None:
            raise InvalidInput("office_id", f"no office with id {office_id}")
        program = program.strip()
        if not program:
            raise InvalidInput("program", "is required")
        budget = repository.find_budget(uow.session, program, office_id, fiscal_year)
        before = None if budget is None else {"amount_cents": budget.amount_cents}
        if budget is None:
            budget = Budget(
                program=program,
                office_id=office_id,
                fiscal_year=fiscal_year,
                amount_cents=amount_cents,
                set_by=actor.username,
                created_at=uow.clock.now(),
            )
            uow.session.add(budget)
            uow.flush()
        else:
            budget.amount_cents, budget.set_by = amount_cents, actor.username
        return BUDGET.saved(uow, actor, AuditAction.BUDGET_SET, budget, before=before)


@dataclass(frozen=True)
class BudgetLine:
    """One line of the report."""

    program: str
    office_id: uuid.UUID | None
    fiscal_year: int
    budget_cents: int | None
    committed_cents: int
    spent_cents: int

    @property
    def remaining_cents(self) -> int | None:
        """Budget left after what is committed (negative when over)."""
        return None if self.budget_cents is None else self.budget_cents - self.committed_cents

    @property
    def label(self) -> str:
        """The fiscal year as people write it."""
        return domain.fiscal_year_label(self.fiscal_year)


def budget_report(uow: UnitOfWork, *, actor: Actor, fiscal_year: int | None = None) -> Sequence[BudgetLine]:
    """Budget, committed and spent per program and office for a fiscal year (default: the current one)."""
    with uow:
        require(uow, actor, Permission.MONEY_BUDGET_READ, subject_type="budget")
        year = fiscal_year if fiscal_year is not None else domain.fiscal_year(uow.clock.today())
        budgets = {
            (b.program, b.office_id): b.amount_cents for b in repository.budgets_for(uow.session, year)
        }
        usage = {
            (r[0], r[1]): (int(r[2] or 0), int(r[3] or 0)) for r in repository.budget_usage(uow.session, year)
        }
        keys = sorted(set(budgets) | set(usage), key=lambda k: (k[0], str(k[1])))
        return [
            BudgetLine(
                program, office, year, budgets.get((program, office)), *usage.get((program, office), (0, 0))
            )
            for program, office in keys
        ]
