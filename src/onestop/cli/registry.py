"""``onestop registry``: the registry-wide duplicate sweep and its queue of suggested pairs.

``sweep`` trains the model on the registry and refreshes the queue (it never merges anything);
``suggestions`` lists the queue. Officers decide on the staff page (Duplicates to review).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from onestop.cli.common import call, handles_errors
from onestop.registry import sweep

app = typer.Typer(help="Registry-wide duplicate sweep and the suggestions it makes.", no_args_is_help=True)


@contextmanager
def _progress(quiet: bool) -> Iterator[sweep.services.Progress | None]:
    if quiet:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"))
    with Progress(*columns, TimeElapsedColumn(), transient=False) as bar:
        task = bar.add_task("reading the registry", total=1.0)

        def update(step: str, done: float) -> None:
            bar.update(task, description=step, completed=done)

        yield update


@app.command(name="sweep")
@handles_errors
def sweep_command(
    threshold: float = typer.Option(0.8, "--threshold", help="Suggest pairs at least this likely (0-1)."),
    seed: int = typer.Option(16, "--seed", help="Seed of the random sampling (same seed, same model)."),
    threads: int | None = typer.Option(None, "--threads", min=1, help="DuckDB threads (default: all cores)."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Search the whole registry for duplicates and refresh the queue (never merges)."""
    tuning = sweep.Tuning(threshold=threshold, seed=seed, threads=threads)
    with _progress(quiet or as_json) as progress:
        report = call(sweep.run_sweep, tuning=tuning, progress=progress)
    if as_json:
        print(report.model_dump_json())
        return
    print(
        f"{report.people:,} people, {report.suggested:,} pairs at or above {threshold}: "
        f"{report.new:,} new, {report.refreshed:,} still open, {report.already_decided:,} already decided, "
        f"{report.withdrawn:,} withdrawn. Run {report.run_id}."
    )


@app.command()
@handles_errors
def suggestions(
    status: str = typer.Option("open", "--status", help="open, merged or dismissed"),
    limit: int = typer.Option(50, "--limit", min=1, max=sweep.services.MAX_PAGE),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """The queue of suggested duplicates, most likely first (identifiers masked)."""
    page = call(sweep.list_suggestions, status=status, limit=limit, offset=offset)
    if as_json:
        print(json.dumps(page.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    table = Table("%", "first record", "second record", "evidence", "id")
    for s in page.items:
        a, b = s.person_a, s.person_b
        table.add_row(
            str(s.percent),
            f"{a.given_names} {a.family_name} ({a.birth_date or '?'})",
            f"{b.given_names} {b.family_name} ({b.birth_date or '?'})",
            "; ".join(f"{e.field}: {e.level} ({e.weight:+.1f})" for e in s.evidence if e.weight),
            str(s.id),
        )
    Console().print(table)
    print(f"{len(page.items)} of {page.total} {status}")
