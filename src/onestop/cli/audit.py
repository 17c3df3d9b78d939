"""``onestop audit``: verify the hash chain and read the trail (audited as "cli")."""

from __future__ import annotations

import typer

from onestop import access
from onestop.cli.common import cli_actor, container, handles_errors

app = typer.Typer(help="The audit trail: verify it, read it.", no_args_is_help=True)


@app.command("verify")
@handles_errors
def verify() -> None:
    """Re-compute the whole chain: exit 0 if unbroken, 1 naming the first broken event."""
    result = access.verify_audit_chain(container().uow(), actor=cli_actor())
    if result.ok:
        typer.echo(f"audit chain OK: {result.checked} events")
        return
    typer.echo(f"audit chain BROKEN at event seq {result.first_broken_seq}: {result.reason}")
    raise typer.Exit(code=1)


@app.command("list")
@handles_errors
def list_(
    subject_id: str | None = typer.Option(None, "--subject-id", help="Only events about this subject id."),
    subject_type: str | None = typer.Option(
        None, "--subject-type", help="Only this kind of subject (person...)."
    ),
    limit: int = typer.Option(50, "--limit", help="How many of the newest events."),
) -> None:
    """Show the newest events, newest first (this read is itself audited)."""
    events = access.list_audit_events(
        container().uow(), actor=cli_actor(), subject_type=subject_type, subject_id=subject_id, limit=limit
    )
    if not events:
        typer.echo("no audit events")
    for e in events:
        subject = f"{e.subject_type or '-'}:{e.subject_id or '-'}"
        purpose = f"  purpose: {e.purpose}" if e.purpose else ""
        typer.echo(
            f"{e.seq:>7} {e.occurred_at:%Y-%m-%d %H:%M:%S} {e.actor_username:<16} {e.action:<24} "
            f"{e.outcome:<7} {subject}{purpose}"
        )
