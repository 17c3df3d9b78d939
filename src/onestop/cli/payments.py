"""``onestop payments``, ``onestop approvals`` and ``onestop budgets``: payment runs, batches, bank files.

Commands act as the system unless ``--as-user USERNAME`` (or ``ONESTOP_CLI_USER``) names a staff
account, whose password is then asked for (hidden) or read from ``ONESTOP_PASSWORD`` (for scripts)
and checked like a sign-in. Maker-checker needs two named people: the system never approves.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import typer

from onestop import money
from onestop.access import Actor, actor_of, authenticate
from onestop.cli.common import cli_actor, container, handles_errors
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.money import format_cents, to_cents

app = typer.Typer(help="payment runs, batches, payment files and bank returns", no_args_is_help=True)
approvals_app = typer.Typer(help="the approval queue (maker-checker)", no_args_is_help=True)
budgets_app = typer.Typer(help="budgets per program, office and fiscal year", no_args_is_help=True)

AsUser = typer.Option(
    None,
    "--as-user",
    envvar="ONESTOP_CLI_USER",
    help="act as this staff account (password prompted, or ONESTOP_PASSWORD)",
)
PASSWORD_ENV = "ONESTOP_PASSWORD"  # noqa: S105 - the name of the variable, not a password


def acting(username: str | None) -> Actor:
    """The system, or the named staff account once its password is verified like a sign-in."""
    if not username:
        return cli_actor()
    password = os.environ.get(PASSWORD_ENV) or typer.prompt(f"password for {username}", hide_input=True)
    staff = authenticate(container().uow(), username=username, password=password)
    return actor_of(staff)


def _batch_id(ref: str, actor: Actor) -> uuid.UUID:
    return money.find_batch(container().uow(), actor=actor, ref=ref).id


@app.command("run")
@handles_errors
def run(
    date: str = typer.Option(..., "--date", help="pay date, YYYY-MM-DD"), as_user: str | None = AsUser
) -> None:
    """Generate the month's recurring issuances and build the batch for the pay date (safe to re-run)."""
    result = money.run_payments(
        container().uow(), actor=acting(as_user), pay_date=parse_date(date, field="--date")
    )
    made, batch = result.generation, result.batch
    print(f"generated {made.created} issuances for {made.period} ({made.already_issued} already issued)")
    print(
        f"batch {batch.number}: {batch.item_count} payments, "
        f"${format_cents(batch.total_cents)}, {batch.state}"
    )


@app.command("approve")
@handles_errors
def approve(batch: str, as_user: str | None = AsUser) -> None:
    """Approve a built batch (someone other than its maker)."""
    actor = acting(as_user)
    done = money.approve_batch(container().uow(), actor=actor, batch_id=_batch_id(batch, actor))
    print(f"batch {done.number} approved by {done.approved_by}")


@app.command("export")
@handles_errors
def export(
    batch: str,
    out: Path = typer.Option(Path("var/payments"), "--out", help="folder for the files"),
    as_user: str | None = AsUser,
) -> None:
    """Write the pain.001 file (validated against its schema) and the cheque register."""
    actor = acting(as_user)
    result = money.export_batch(container().uow(), actor=actor, batch_id=_batch_id(batch, actor), out_dir=out)
    for path in (result.payment_file, result.cheque_csv, result.cheque_pdf):
        if path is not None:
            print(path)
    print(f"batch {result.batch.number} {result.batch.state}")


@app.command("reconcile")
@handles_errors
def reconcile(batch: str, file: Path, as_user: str | None = AsUser) -> None:
    """Apply the bank's pain.002 status report: paid, or returned and re-opened for re-issue."""
    actor = acting(as_user)
    result = money.reconcile_batch(
        container().uow(), actor=actor, batch_id=_batch_id(batch, actor), path=file
    )
    note = " (already imported: nothing changed)" if result.already_imported else ""
    print(
        f"batch {result.batch.number}: {result.paid} paid, {result.returned} returned, "
        f"{result.still_pending} pending; {result.batch.state}{note}"
    )


@app.command("list")
@handles_errors
def list_(as_user: str | None = AsUser) -> None:
    """Batches, newest first."""
    for b in money.list_batches(container().uow(), actor=acting(as_user)):
        print(f"{b.number}\t{b.pay_date}\t{b.state}\t{b.item_count}\t{format_cents(b.total_cents)}")


@app.command("close-period")
@handles_errors
def close_period(month: str, as_user: str | None = AsUser) -> None:
    """Close an accounting month (YYYY-MM): nothing more is paid with a date in it."""
    closed = money.close_period(container().uow(), actor=acting(as_user), month=month)
    print(f"period {closed.month} closed by {closed.closed_by}")


@approvals_app.command("list")
@handles_errors
def approvals_list(as_user: str | None = AsUser) -> None:
    """Requests waiting for one of your roles, oldest first."""
    found = money.list_approvals(container().uow(), actor=acting(as_user))
    for r in found:
        what = f"{r.nights} nights" if r.nights else f"${format_cents(r.amount_cents)}"
        print(f"{r.id}\t{r.kind}\t{r.payment_type}\t{what}\t{r.needed_role}\t{r.requested_by}\t{r.reason}")
    if not found:
        print("nothing is waiting for approval")


@approvals_app.command("decide")
@handles_errors
def approvals_decide(
    request: str,
    reject: bool = typer.Option(False, "--reject", help="refuse instead of approving"),
    note: str = typer.Option("", "--note"),
    as_user: str | None = AsUser,
) -> None:
    """Approve (or with --reject, refuse) a request."""
    from onestop.common.ids import parse_id

    done = money.decide_approval(
        container().uow(),
        actor=acting(as_user),
        approval_id=parse_id(request, field="request"),
        approve=not reject,
        note=note,
    )
    print(f"request {done.id} {done.state}")


@budgets_app.command("report")
@handles_errors
def budgets_report(
    year: int | None = typer.Option(None, "--year", help="fiscal year by its first year (2026 = 2026-27)"),
    as_user: str | None = AsUser,
) -> None:
    """Budget, committed and spent per program and office."""
    lines = money.budget_report(container().uow(), actor=acting(as_user), fiscal_year=year)
    print("program\toffice\tyear\tbudget\tcommitted\tspent\tremaining")
    for ln in lines:
        budget = "-" if ln.budget_cents is None else format_cents(ln.budget_cents)
        left = "-" if ln.remaining_cents is None else format_cents(ln.remaining_cents)
        print(
            f"{ln.program}\t{ln.office_id or '-'}\t{ln.label}\t{budget}\t{format_cents(ln.committed_cents)}\t"
            f"{format_cents(ln.spent_cents)}\t{left}"
        )


@budgets_app.command("set")
@handles_errors
def budgets_set(program: str, office: str, year: int, amount: str, as_user: str | None = AsUser) -> None:
    """Set a budget: PROGRAM OFFICE-CODE FISCAL-YEAR AMOUNT (dollars, e.g. 250000.00)."""
    from onestop import access

    actor = acting(as_user)
    office_id = access.get_office_by_code(container().uow(), actor=Actor.system("cli"), code=office).id
    budget = money.set_budget(
        container().uow(),
        actor=actor,
        program=program,
        office_id=office_id,
        fiscal_year=year,
        amount_cents=to_cents(amount, field="amount"),
    )
    print(f"budget {budget.program} {office} {year}: ${format_cents(budget.amount_cents)}")


@app.command("cheques")
@handles_errors
def cheques(
    batch: str | None = typer.Option(
        None, "--batch", help="one batch's cheques (default: the whole register)"
    ),
    out: Path | None = typer.Option(None, "--out", help="write CSV (.csv) or PDF (.pdf) instead of printing"),
    purpose: str = typer.Option(..., "--purpose", help="why you need the register (kept in the audit trail)"),
    as_user: str | None = AsUser,
) -> None:
    """The cheque register: manual cheques and those printed from batches (needs money:batch_export)."""
    from onestop.money.payments import cheques as register

    actor = acting(as_user)
    batch_id = _batch_id(batch, actor) if batch else None
    rows = money.cheque_register(container().uow(), actor=actor, batch_id=batch_id, purpose=purpose)
    if out is None:
        print(register.register_csv(rows).decode(), end="")
        return
    if out.suffix.lower() not in (".csv", ".pdf"):
        raise InvalidInput("--out", "must end in .csv or .pdf")
    data = (
        register.register_csv(rows)
        if out.suffix.lower() == ".csv"
        else register.register_pdf(rows, title="Cheque register" + (f" {batch}" if batch else ""))
    )
    register.write_atomically(out, data)
    print(f"{len(rows)} cheques written to {out}")
