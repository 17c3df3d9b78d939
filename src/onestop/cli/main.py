"""The ``onestop`` command: one module per group, registered here."""

from __future__ import annotations

import typer

from onestop.cli import (
    audit,
    db,
    demo,
    notices,
    payments,
    people,
    rules,
    serve,
    staff,
)
from onestop.cli import batch as batch_cli
from onestop.cli import cases as cases_cli
from onestop.cli import health as health_cli
from onestop.cli import ledger as ledger_cli
from onestop.cli import privacy as privacy_cli
from onestop.cli import registry as registry_cli
from onestop.cli import reports as reports_cli
from onestop.cli import screen as screen_cli

app = typer.Typer(
    help="onestop: integrated delivery of social programs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(people.app, name="people")
app.add_typer(registry_cli.app, name="registry")
app.add_typer(staff.app, name="staff")
app.add_typer(audit.app, name="audit")
app.add_typer(demo.app, name="demo")
app.add_typer(notices.app, name="notices")
app.add_typer(rules.app, name="rules")
app.add_typer(payments.app, name="payments")
app.add_typer(payments.approvals_app, name="approvals")
app.add_typer(payments.budgets_app, name="budgets")
app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(cases_cli.app, name="cases")
app.add_typer(screen_cli.catalogue_app, name="catalogue")
app.command(name="screen")(screen_cli.screen)
app.add_typer(batch_cli.app, name="batch")
app.add_typer(reports_cli.app, name="reports")
app.add_typer(health_cli.app, name="health")
app.add_typer(privacy_cli.app, name="privacy")
app.command()(serve.serve)
for _command in getattr(rules, "TOP_LEVEL_COMMANDS", ()):
    app.command()(_command)

if __name__ == "__main__":
    app()
