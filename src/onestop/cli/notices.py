"""``onestop notices``: the letters outbox from the server's shell (list, show, send, print)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from onestop import notices
from onestop.cli.common import cli_actor, container, handles_errors
from onestop.common.dates import parse_date
from onestop.common.ids import parse_id

app = typer.Typer(help="Letters to people: list, show, deliver, print.", no_args_is_help=True)


@app.command("list")
@handles_errors
def list_(
    person: str | None = typer.Option(None, "--person", help="Only this person's letters (id)."),
    failed: bool = typer.Option(False, "--failed", help="Only the failure queue (failed or held)."),
    status: str | None = typer.Option(None, "--status", help="queued, sending, sent, failed or held."),
    channel: str | None = typer.Option(None, "--channel", help="email, portal or post."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
) -> None:
    """Letters, newest first (the staff page /staff/letters shows the same)."""
    person_id = parse_id(person, field="person") if person else None
    c = container()
    rows = notices.list_notices(
        c.uow(),
        actor=cli_actor(),
        person_id=person_id,
        trouble=failed,
        status=status,
        channel=channel,
        limit=limit,
    )
    for n in rows:
        reason = f"  ({n.last_error})" if n.last_error else ""
        typer.echo(
            f"{n.id}  {n.created_at:%Y-%m-%d %H:%M}  {n.kind:<20} {n.status:<8} {n.channel or '-':<7}{reason}"
        )


@app.command()
@handles_errors
def show(notice_id: str = typer.Argument(..., help="The notice's id.")) -> None:
    """One letter: where it stands, and its text."""
    c = container()
    n = notices.get_notice(c.uow(), actor=cli_actor(), notice_id=parse_id(notice_id, field="notice_id"))
    typer.echo(f"{n.kind} to person {n.person_id} ({n.language}); {n.status} by {n.channel or '-'}")
    typer.echo(f"Message-ID: {n.message_id}; tries: {n.attempts}; {n.last_error or ''}")
    typer.echo(f"\n{n.subject}\n\n{n.text}")


@app.command()
@handles_errors
def send(
    loop: bool = typer.Option(False, "--loop", help="Keep running (a service), every --every seconds."),
    every: float = typer.Option(30.0, "--every", min=0.5),
    limit: int = typer.Option(500, "--limit", min=1, max=10000),
) -> None:
    """Deliver the letters that are due (e-mail via ONESTOP_SMTP_URL, portal inbox, print)."""
    c = container()
    while True:
        report = notices.send_due(
            c.uow(), actor=cli_actor(), smtp_url=c.settings.smtp_url or None, limit=limit
        )
        if report.total or not loop:
            typer.echo(f"{report.total} tried: {dict(report.by_status)}; sent by {dict(report.by_channel)}")
        if not loop:
            return
        time.sleep(every)


@app.command("print")
@handles_errors
def print_(
    day: str | None = typer.Option(None, "--day", help="YYYY-MM-DD (default today): the day's print file."),
    notice: str | None = typer.Option(None, "--notice", help="Print one letter's copy instead (its id)."),
    out: Path = typer.Option(Path("var/print"), "--out", help="Directory for the PDF and mailing list."),
) -> None:
    """The mailroom's daily print file and mailing list, or a copy of one letter."""
    c = container()
    if notice:
        data = notices.notice_pdf(c.uow(), actor=cli_actor(), notice_id=parse_id(notice, field="notice"))
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"notice-{notice}.pdf"
        path.write_bytes(data)
        typer.echo(str(path))
        return
    when = parse_date(day, field="day") if day else c.clock.today()
    pdf, csv, count = notices.print_file(c.uow(), actor=cli_actor(), day=when, out_dir=out)
    typer.echo(f"{count} letters: {pdf} and {csv}")
