"""``onestop batch``: re-assess a program's caseload, simulate a rate change, follow, cancel, resume.

Runs go partition by partition on Dask: a local cluster of ``--workers`` processes by default,
``--scheduler tcp://host:8786`` for a running distributed cluster, ``--scheduler synchronous`` in this
process. A rich progress bar shows households done; Ctrl-C cancels (the run can be resumed).
"""

from __future__ import annotations

import csv
import json
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from onestop import batch
from onestop.batch.domain import SUMMARY_COLUMNS, summary_rows
from onestop.cli.common import cli_actor, container, fail, handles_errors
from onestop.common.dates import parse_date

app = typer.Typer(help="caseload re-assessment and policy simulation", no_args_is_help=True)

Scheduler = typer.Option(None, "--scheduler", help="distributed scheduler address, or 'synchronous'")
Workers = typer.Option(2, "--workers", min=1, help="processes of the local cluster (without --scheduler)")
Size = typer.Option(20_000, "--partition-size", help="households per partition")
Quiet = typer.Option(False, "--quiet", help="no progress bar")


@contextmanager
def _progress(quiet: bool) -> Iterator[batch.services.Progress | None]:
    if quiet:
        yield None
        return
    columns = (TextColumn("households"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("run", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _execute(
    run: batch.RunPublic, scheduler: str | None, workers: int, quiet: bool, *, resume: bool
) -> batch.RunPublic:
    actor = cli_actor()
    try:
        with batch.executor(scheduler, workers) as ex, _progress(quiet) as progress:
            if resume:
                return batch.resume_run(
                    container().uow(), actor=actor, run_id=run.id, executor=ex, progress=progress
                )
            return batch.execute_run(
                container().uow(), actor=actor, run_id=run.id, executor=ex, progress=progress
            )
    except KeyboardInterrupt:
        print(f"cancelled; resume with: onestop batch resume {run.id}", file=sys.stderr)
        raise typer.Exit(code=130) from None


def _print_run(run: batch.RunPublic) -> None:
    done = f"{run.households_done} of {run.households_total} households in {run.partitions_done} partitions"
    print(f"run {run.id} {run.kind} {run.program} on {run.on}: {run.status}, {done}")
    print(f"rules {run.rules_version}")


@app.command("reassess")
@handles_errors
def reassess(
    program: str = typer.Option(..., "--program"),
    on: str = typer.Option(..., "--on", help="the date to re-assess on, YYYY-MM-DD"),
    scheduler: str | None = Scheduler,
    workers: int = Workers,
    partition_size: int = Size,
    quiet: bool = Quiet,
) -> None:
    """Re-assess every household with an eligible decision in force; list who changes, by how much."""
    data = batch.RunCreate(program=program, on=parse_date(on, field="--on"), partition_size=partition_size)
    run = batch.start_run(container().uow(), actor=cli_actor(), kind=batch.RunKind.REASSESS, data=data)
    run = _execute(run, scheduler, workers, quiet, resume=False)
    _print_run(run)
    report = batch.get_run(container().uow(), actor=cli_actor(), run_id=run.id)
    print(" ".join(f"{k}={v}" for k, v in sorted(report.counts.items())))


@app.command("simulate")
@handles_errors
def simulate(
    program: str = typer.Option(..., "--program"),
    on: str = typer.Option(..., "--on", help="the date the change takes effect, YYYY-MM-DD"),
    overlay: list[str] = typer.Option(..., "--overlay", help="name=+5%, name=-2%, name=+25, name=600"),
    output_format: str = typer.Option("json", "--format", help="json or csv"),
    scheduler: str | None = Scheduler,
    workers: int = Workers,
    partition_size: int = Size,
    quiet: bool = Quiet,
) -> None:
    """Cost and winners/losers of a parameter change on the caseload in force; writes nothing to cases."""
    if output_format not in ("json", "csv"):
        raise fail("--format must be json or csv")
    data = batch.RunCreate(
        program=program, on=parse_date(on, field="--on"), overlays=overlay, partition_size=partition_size
    )
    run = batch.start_run(container().uow(), actor=cli_actor(), kind=batch.RunKind.SIMULATE, data=data)
    run = _execute(run, scheduler, workers, quiet, resume=False)
    _report(run.id, output_format)


def _report(run_id: uuid.UUID, output_format: str) -> None:
    report = batch.get_run(container().uow(), actor=cli_actor(), run_id=run_id)
    if output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=SUMMARY_COLUMNS)
        writer.writeheader()
        writer.writerows(summary_rows(report.summary))
    else:
        print(json.dumps(report.model_dump(mode="json"), indent=2))


@app.command("show")
@handles_errors
def show(
    run_id: uuid.UUID, output_format: str = typer.Option("json", "--format", help="json or csv")
) -> None:
    """A run's status and summary (totals by office, program and family type)."""
    _report(run_id, output_format)


@app.command("rows")
@handles_errors
def rows(
    run_id: uuid.UUID,
    status: list[str] = typer.Option([], "--status", help="changed, unchanged, incomplete, broken"),
    limit: int = typer.Option(100, "--limit"),
) -> None:
    """A run's households as CSV, biggest changes first (what is missing for incomplete and broken ones)."""
    found = batch.list_rows(
        container().uow(), actor=cli_actor(), run_id=run_id, statuses=tuple(status), limit=limit
    )
    writer = csv.writer(sys.stdout)
    writer.writerow(
        [
            "application_id",
            "office",
            "family_type",
            "before_cents",
            "after_cents",
            "change_cents",
            "status",
            "missing",
        ]
    )
    for r in found:
        writer.writerow(
            [
                r.application_id,
                r.office or "",
                r.family_type,
                r.before_cents,
                r.after_cents,
                r.change_cents,
                r.status,
                json.dumps(r.missing) if r.missing else "",
            ]
        )


@app.command("cancel")
@handles_errors
def cancel(run_id: uuid.UUID) -> None:
    """Ask a running run to stop after the partitions already submitted."""
    _print_run(batch.cancel_run(container().uow(), actor=cli_actor(), run_id=run_id))


@app.command("resume")
@handles_errors
def resume(
    run_id: uuid.UUID, scheduler: str | None = Scheduler, workers: int = Workers, quiet: bool = Quiet
) -> None:
    """Run a cancelled, failed or interrupted run on from its first unfinished partition."""
    report = batch.get_run(container().uow(), actor=cli_actor(), run_id=run_id)
    _print_run(_execute(report.run, scheduler, workers, quiet, resume=True))
