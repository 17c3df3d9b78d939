"""``onestop reports``: figures from the records (see docs/reports.md)."""

from __future__ import annotations

import csv
import json
import sys

import typer

from onestop import reports
from onestop.cli.common import cli_actor, container, fail, handles_errors

app = typer.Typer(help="reports computed from the records", no_args_is_help=True)


@app.command("monthly")
@handles_errors
def monthly(
    month: str = typer.Option(..., "--month", help="YYYY-MM"),
    office: str | None = typer.Option(None, "--office", help="an office code (all offices by default)"),
    output_format: str = typer.Option("json", "--format", help="csv, json or html"),
) -> None:
    """Contacts, applications, decisions, caseload, tasks, reviews, payments, overpayments, appeals."""
    if output_format not in ("csv", "json", "html"):
        raise fail("--format must be csv, json or html")
    c = container()
    report = reports.monthly_report(
        c.uow(), actor=cli_actor(), month=month, office=office, tz=c.settings.timezone
    )
    if output_format == "json":
        print(json.dumps(report.model_dump(mode="json"), indent=2))
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=["section", "key", "value"])
        writer.writeheader()
        writer.writerows(reports.flat_rows(report.model_dump(mode="json")))
    else:
        sys.stdout.write(reports.render_html(report))
