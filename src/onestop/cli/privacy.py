"""``onestop privacy``: the open requests and their deadlines, legal holds, and the retention purge."""

from __future__ import annotations

import json
import uuid

import typer

from onestop import privacy
from onestop.cli.common import cli_actor, container, fail, handles_errors

app = typer.Typer(help="Privacy obligations: requests, legal holds, retention.", no_args_is_help=True)


@app.command("requests")
@handles_errors
def requests(as_json: bool = typer.Option(False, "--json", help="One JSON document.")) -> None:
    """Open access and correction requests, the nearest deadline first."""
    rows = privacy.list_requests(container().uow(), actor=cli_actor())
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    for r in rows:
        late = "  OVERDUE" if r.overdue else ""
        typer.echo(f"{r.id}  {r.kind:<10} {r.status:<9} due {r.due_on}{late}")


@app.command("hold")
@handles_errors
def hold(
    person: uuid.UUID = typer.Option(..., "--person", help="The person's id."),
    reason: str = typer.Option(..., "--reason", help="Why the file must be kept (litigation, appeal...)."),
) -> None:
    """Place a legal hold: the purge keeps the file until it is lifted."""
    found = privacy.place_hold(
        container().uow(), actor=cli_actor(), data=privacy.HoldIn(person_id=person, reason=reason)
    )
    typer.echo(f"legal hold {found.id} placed on {found.person_id}")


@app.command("purge")
@handles_errors
def purge(
    dry_run: bool = typer.Option(False, "--dry-run", help="List what is due; change nothing."),
    apply: bool = typer.Option(False, "--apply", help="Destroy what is due, one certificate each."),
    as_json: bool = typer.Option(False, "--json", help="The report as one JSON document."),
) -> None:
    """Destroy (anonymise) the closed files due under the retention schedule; held files stay."""
    if dry_run == apply:
        raise fail("purge: give exactly one of --dry-run or --apply")
    c = container()
    report = privacy.purge(c.uow(), actor=cli_actor(), storage=c.storage, apply=apply)
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    verb = "destroyed" if apply else "due"
    counts = ", ".join(f"{report.count(d)} {d}" for d in ("open", "kept", "held"))
    typer.echo(
        f"{report.today}: {len(report.files)} files: {counts}, "
        f"{report.count('destroyed' if apply else 'due')} {verb}"
    )
    for f in report.files:
        if f.disposition in ("due", "held", "destroyed"):
            typer.echo(
                f"  {f.person_id}  {f.disposition:<9} last activity {f.last_activity}, due {f.destroy_on}"
            )
    for cert in report.certificates:
        typer.echo(f"  certificate {cert.id}: {json.dumps(cert.items, sort_keys=True)}")
