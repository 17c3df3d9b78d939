"""``onestop audit``: verify the hash chain, anchor its head and read the trail (audited as "cli")."""

from __future__ import annotations

from pathlib import Path

import typer

from onestop import access, audit
from onestop.cli.common import call, fail, handles_errors

app = typer.Typer(help="The audit trail: verify it, anchor it, read it.", no_args_is_help=True)


@app.command("verify")
@handles_errors
def verify(
    anchor_file: Path | None = typer.Option(
        None,
        "--anchor",
        help="An anchor written by `onestop audit anchor`: the log must still pass through it.",
    ),
) -> None:
    """Re-compute the whole chain and check the head's seal: exit 0 if unbroken, 1 naming the first broken
    event, 2 if the log was truncated or rewritten since the anchor."""
    anchor = None
    if anchor_file is not None:
        try:
            anchor = audit.Anchor.from_json(anchor_file.read_text(encoding="utf-8"))
        except OSError as err:
            raise fail(f"anchor: cannot read {anchor_file}: {err.strerror}") from None
    result = call(access.verify_audit_chain, anchor=anchor)
    if result.ok:
        against = f", through the anchor at seq {anchor.seq}" if anchor is not None else ""
        typer.echo(f"audit chain OK: {result.checked} events{against}")
        return
    if result.against_anchor:
        typer.echo(f"audit log does NOT match the anchor: {result.reason}")
        raise typer.Exit(code=2)
    typer.echo(f"audit chain BROKEN at event seq {result.first_broken_seq}: {result.reason}")
    raise typer.Exit(code=1)


@app.command("anchor")
@handles_errors
def anchor(
    out: Path | None = typer.Option(None, "--out", help="Write the anchor to this file (default: stdout)."),
) -> None:
    """Write the sealed chain head (seq, hash, HMAC, time) as JSON, to keep where the database
    administrator cannot write; `onestop audit verify --anchor FILE` checks the log against it."""
    sealed = call(access.anchor_audit_head)
    if out is None:
        typer.echo(sealed.to_json(), nl=False)
        return
    out.write_text(sealed.to_json(), encoding="utf-8")
    typer.echo(f"audit anchor written to {out}: seq {sealed.seq}")


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
    events = call(access.list_audit_events, subject_type=subject_type, subject_id=subject_id, limit=limit)
    if not events:
        typer.echo("no audit events")
    for e in events:
        subject = f"{e.subject_type or '-'}:{e.subject_id or '-'}"
        purpose = f"  purpose: {e.purpose}" if e.purpose else ""
        typer.echo(
            f"{e.seq:>7} {e.occurred_at:%Y-%m-%d %H:%M:%S} {e.actor_username:<16} {e.action:<24} "
            f"{e.outcome:<7} {subject}{purpose}"
        )
