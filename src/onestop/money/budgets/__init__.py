"""Budgets per program, office and fiscal year, against what is committed and spent."""

from onestop.money.budgets.services import BudgetLine, budget_report, set_budget

__all__ = ["BudgetLine", "budget_report", "set_budget"]
