"""``onestop privacy``: the open requests and their deadlines, legal holds, the retention purge, and
``onestop privacy breach ...`` for breaches."""

from __future__ import annotations

import json
import uuid
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from onestop import privacy
from onestop.cli.common import call, cli_actor, container, fail, handles_errors
from onestop.common.errors import InvalidInput

app = typer.Typer(
    help="Privacy obligations: requests, legal holds, retention, breaches.", no_args_is_help=True
)
breach_app = typer.Typer(
    help="Privacy breaches: report, assess, notify, follow up, close.", no_args_is_help=True
)
app.add_typer(breach_app, name="breach")
M = TypeVar("M", bound=BaseModel)


@app.command("requests")
@handles_errors
def requests(as_json: bool = typer.Option(False, "--json", help="One JSON document.")) -> None:
    """Open access and correction requests, the nearest deadline first."""
    rows = call(privacy.list_requests)
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
    found = call(privacy.place_hold, data=privacy.HoldIn(person_id=person, reason=reason))
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


def _input(schema: type[M], /, **values: Any) -> M:
    """An input model; a pydantic error becomes InvalidInput naming the field (exit 2)."""
    try:
        return schema(**values)
    except ValidationError as err:
        first = err.errors()[0]
        raise InvalidInput(".".join(str(p) for p in first["loc"]) or "input", str(first["msg"])) from None


def _show(found: privacy.BreachPublic, as_json: bool = False) -> None:
    if as_json:
        typer.echo(found.model_dump_json(indent=2))
        return
    risk = f"risk {found.risk}" if found.risk else "not assessed"
    typer.echo(f"{found.id}  {found.kind:<19} {found.status:<9} found {found.discovered_on}  {risk}")
    for step in found.actions:
        done = f"done {step.done_at:%Y-%m-%d}" if step.done_at else ("OVERDUE" if step.overdue else "open")
        typer.echo(f"  step {step.id}  due {step.due_on}  {done}  {step.what}")


@breach_app.command("report")
@handles_errors
def breach_report(
    jurisdiction: str = typer.Option(..., "--jurisdiction", help="ca-ab or ca-nl."),
    description: str = typer.Option(..., "--description", help="What happened, as found."),
    kind: str = typer.Option(
        "misdirected_letter", "--kind", help="misdirected_letter, unauthorised_access, ..."
    ),
    discovered_on: str = typer.Option(..., "--discovered-on", help="The day it was found (YYYY-MM-DD)."),
    person: uuid.UUID | None = typer.Option(None, "--person", help="Whose information, when known."),
    notice: uuid.UUID | None = typer.Option(None, "--notice", help="The letter that went astray."),
) -> None:
    """Record a suspected breach."""
    data = _input(
        privacy.BreachCreate,
        kind=kind,
        jurisdiction=jurisdiction,
        discovered_on=discovered_on,
        description=description,
        person_id=person,
        notice_id=notice,
    )
    _show(call(privacy.report_breach, data=data))


@breach_app.command("list")
@handles_errors
def breach_list(
    closed: bool = typer.Option(False, "--closed", help="The latest closed breaches instead."),
    as_json: bool = typer.Option(False, "--json", help="One JSON document."),
) -> None:
    """Open breaches, the ones not yet assessed first."""
    rows = call(privacy.list_breaches, closed=closed)
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    for r in rows:
        _show(r)


@breach_app.command("show")
@handles_errors
def breach_show(
    breach: uuid.UUID = typer.Argument(..., help="The breach's id."),
    as_json: bool = typer.Option(False, "--json", help="One JSON document."),
) -> None:
    """One breach, its assessment and follow-up steps."""
    _show(call(privacy.get_breach, breach_id=breach), as_json)


@breach_app.command("assess")
@handles_errors
def breach_assess(
    breach: uuid.UUID = typer.Argument(..., help="The breach's id."),
    information: str = typer.Option(..., "--information", help="What information was involved."),
    sensitivity: str = typer.Option(..., "--sensitivity", help="low, medium or high."),
    people: int = typer.Option(..., "--people", help="How many people are affected."),
    likelihood: str = typer.Option(..., "--likelihood", help="Likelihood of misuse: low, medium or high."),
    containment: str = typer.Option(..., "--containment", help="contained, partial or not_contained."),
    steps: str = typer.Option(..., "--steps", help="What was done to contain it."),
    harm: str = typer.Option(..., "--harm", help="What harm could follow."),
) -> None:
    """Assess with the commissioners' factors; prints the risk of harm."""
    data = _input(
        privacy.BreachAssessmentIn,
        information=information,
        sensitivity=sensitivity,
        people_affected=people,
        likelihood=likelihood,
        containment=containment,
        containment_steps=steps,
        harm=harm,
    )
    _show(call(privacy.assess_breach, breach_id=breach, data=data))


@breach_app.command("notify")
@handles_errors
def breach_notify(breach: uuid.UUID = typer.Argument(..., help="The breach's id.")) -> None:
    """Write to the person (the letters outbox) and the commissioner (a PDF report, kept)."""
    c = container()
    _show(privacy.notify_breach(c.uow(), actor=cli_actor(), storage=c.storage, breach_id=breach))


@breach_app.command("step")
@handles_errors
def breach_step(
    breach: uuid.UUID = typer.Argument(..., help="The breach's id."),
    what: str = typer.Option(..., "--what", help="The follow-up step."),
    due: str = typer.Option(..., "--due", help="Due by (YYYY-MM-DD)."),
) -> None:
    """Add a follow-up step."""
    data = _input(privacy.BreachActionIn, what=what, due_on=due)
    _show(call(privacy.add_action, breach_id=breach, data=data))


@breach_app.command("done")
@handles_errors
def breach_done(
    step: uuid.UUID = typer.Argument(..., help="The follow-up step's id."),
    note: str = typer.Option("", "--note", help="What was done."),
) -> None:
    """Mark a follow-up step done."""
    data = _input(privacy.BreachActionDone, note=note)
    _show(call(privacy.complete_action, action_id=step, data=data))


@breach_app.command("close")
@handles_errors
def breach_close(
    breach: uuid.UUID = typer.Argument(..., help="The breach's id."),
    outcome: str = typer.Option(..., "--outcome", help="What was learned and changed."),
) -> None:
    """Close the breach with its outcome."""
    data = _input(privacy.BreachCloseIn, outcome=outcome)
    _show(call(privacy.close_breach, breach_id=breach, data=data))
