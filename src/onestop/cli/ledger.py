"""``onestop ledger``: prove the journal balanced and in step with the issuances."""

from __future__ import annotations

import typer

from onestop import money
from onestop.cli.common import container, handles_errors
from onestop.cli.payments import AsUser, acting

app = typer.Typer(help="the double-entry ledger", no_args_is_help=True)


@app.command("verify")
@handles_errors
def verify(as_user: str | None = AsUser) -> None:
    """Exit 0 when every entry balances and matches the issuances; exit 1 with the first problem."""
    result = money.verify_ledger(container().uow(), actor=acting(as_user))
    if not result.ok:
        print(f"ledger NOT consistent: {result.problems[0]}")
        if len(result.problems) > 1:
            print(f"({len(result.problems) - 1} more problems)")
        raise typer.Exit(code=1)
    print(
        f"ledger balanced: {result.entries} entries, {result.lines} lines, "
        f"debits = credits = {result.debits_cents} cents"
    )


@app.command("balances")
@handles_errors
def balances(as_user: str | None = AsUser) -> None:
    """Balance (debit - credit, cents) of each kind of account; they sum to zero."""
    totals = money.trial_balance(container().uow(), actor=acting(as_user))
    for account, cents in sorted(totals.items()):
        print(f"{account}\t{cents}")
    print(f"total\t{sum(totals.values())}")
