"""The ``onestop`` command: one module per group, registered here."""

from __future__ import annotations

import typer

from onestop.cli import (
    audit,
    db,
    demo,
    payments,  # money
    people,
    rules,
    serve,
    staff,
)
from onestop.cli import cases as cases_cli  # case work
from onestop.cli import casework as casework_cli  # case work: applications, decisions, reviews, appeals
from onestop.cli import health as health_cli  # health
from onestop.cli import ledger as ledger_cli  # money
from onestop.cli import screen as screen_cli  # needs screening

app = typer.Typer(
    help="onestop: integrated delivery of social programs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(people.app, name="people")
app.add_typer(staff.app, name="staff")
app.add_typer(audit.app, name="audit")
app.add_typer(demo.app, name="demo")
app.add_typer(rules.app, name="rules")
app.add_typer(payments.app, name="payments")  # money
app.add_typer(payments.approvals_app, name="approvals")  # money
app.add_typer(payments.budgets_app, name="budgets")  # money
app.add_typer(ledger_cli.app, name="ledger")  # money
app.add_typer(cases_cli.app, name="cases")  # case work
app.add_typer(casework_cli.app, name="casework")  # case work
app.add_typer(health_cli.app, name="health")  # health
app.add_typer(screen_cli.catalogue_app, name="catalogue")  # needs screening
app.command(name="screen")(screen_cli.screen)  # needs screening
app.command()(serve.serve)
for _command in getattr(rules, "TOP_LEVEL_COMMANDS", ()):
    app.command()(_command)

if __name__ == "__main__":
    app()
