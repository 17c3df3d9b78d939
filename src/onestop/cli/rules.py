"""``onestop rules`` (list, show, test) and the top-level ``onestop evaluate``."""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid
from pathlib import Path

import typer

from onestop import jurisdictions, policy
from onestop.cli.common import Format, Lang, container, handles_errors
from onestop.cli.payments import AsUser, acting
from onestop.common.clock import SystemClock
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.rules import Kind, Pack, Parameter, Program, RulesError, load_file, run_pack, wire

app = typer.Typer(help="Rule packs: list them, show a program, run their YAML tests.", no_args_is_help=True)


@handles_errors
def evaluate(
    case_file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Case file, YAML or JSON."),
    output: Format = typer.Option(Format.JSON, "--format", help="json (case-format.md) or text."),
    program: list[str] = typer.Option([], "--program", help="Program id; repeat for several (default: all)."),
    lang: Lang = typer.Option(Lang.EN, "--lang", help="Language of the words: en or fr."),
) -> None:
    """Evaluate a case against a jurisdiction's programs, with the reasons and the explanation."""
    try:
        evaluation = jurisdictions.evaluate(load_file(case_file), program)
        text = (
            json.dumps(evaluation.to_dict(lang.value), ensure_ascii=False, indent=2)
            if output is Format.JSON
            else evaluation.render(lang.value)
        )
    except RulesError as err:  # a defect in a rule pack: say which rule, exit 1
        print(f"error: rule pack defect: {err}", file=sys.stderr)
        raise typer.Exit(1) from None
    print(text.rstrip("\n"))


TOP_LEVEL_COMMANDS = [evaluate]


@app.command("list")
@handles_errors
def list_() -> None:
    """Every pack and program, with its version (content hash)."""
    for pack in jurisdictions.list_packs():
        print(f"{pack.id}  {pack.label()}  {pack.version}")
        for program_id, prog in pack.programs.items():
            print(f"  {program_id:<30} {prog.label()}  {pack.program_version(program_id)}")


@app.command()
@handles_errors
def show(
    program: str = typer.Argument(..., help="Program id, e.g. ab.income_support."),
    on: str | None = typer.Option(None, "--date", help="Values in force on this date (default: today)."),
) -> None:
    """A program's tests, amounts, parameters (value in force, effective dates) and sources."""
    pack, prog = jurisdictions.find_program(program)
    day = parse_date(on, field="--date") if on else SystemClock().today()
    print("\n".join(_describe(pack, prog, day)))


def _describe(pack: Pack, prog: Program, day: dt.date) -> list[str]:
    lines = [f"{prog.id}: {prog.label()} ({pack.id}, {pack.program_version(prog.id)})"]
    if prog.reference:
        lines.append(f"  reference: {prog.reference}")
    lines.append("tests:")
    lines.extend(f"  - {t.words()} [{t.reference or 'no reference'}]" for t in prog.tests)
    amounts = [f"{a}.<person id>" if a in prog.per_person else a for a in prog.amounts]
    lines.append("amounts: " + ", ".join([*amounts, *([f"{prog.pays} (pays)"] if prog.pays else [])]))
    lines.append(f"parameters (in force on {day.isoformat()}):")
    for param in prog.parameter_set.values():
        dates = ", ".join(v.effective.isoformat() for v in param.versions if not _repeat(param, v.effective))
        if param.yearly:
            dates += "; then every year: " + ", ".join(f"{md} = {value}" for md, value in param.yearly)
        current = next((v for v in reversed(param.versions) if v.effective <= day), None)
        lines.append(f"  {param.key}: {param.label()} [{param.unit.value}] — effective dates: {dates}")
        if current is None:
            lines.append(f"    no value in force on {day.isoformat()}")
            continue
        lines.extend(f"    {k} = {v}" for k, v in _flatten(current.value, param.unit))
        lines.append(f"    source: {current.source.cite()} (confidence {current.confidence})")
        if current.note:
            lines.append(f"    note: {' '.join(current.note.split())}")
    return lines


def _repeat(param: Parameter, on: dt.date) -> bool:
    """A version written out from the parameter's ``yearly`` rule (not shown one by one)."""
    return (
        bool(param.yearly) and on > param.versions[0].effective and on.strftime("%m-%d") in dict(param.yearly)
    )


def _flatten(value: object, unit: Kind, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for key, sub in value.items():
            out.extend(_flatten(sub, unit, f"{prefix}[{key}]"))
        return out
    if isinstance(value, list):  # a bracket scale: (start in cents, value)
        where = f"{prefix} from".strip()
        return [(f"{where} {wire(start, Kind.MONEY)}", str(wire(v, unit))) for start, v in value]
    shown = (
        "null (gap: not published in the material onestop holds)" if value is None else str(wire(value, unit))
    )
    return [(prefix or "value", shown)]


@app.command()
def test(
    pack: str = typer.Argument(..., help="Jurisdiction id (ca-ab) or a pack folder (benchmarks/isb_pack)."),
) -> None:
    """Run a pack's YAML tests; exit 1 if any fails."""
    try:
        loaded = jurisdictions.load_pack(pack)
        passed, failures = run_pack(loaded)
    except (RulesError, ValueError) as err:
        print(f"error: {getattr(err, 'message', err)}", file=sys.stderr)
        raise typer.Exit(2) from None
    for case, problems in failures:
        print(f"FAILED {case.id} ({case.file})")
        for problem in problems:
            print(f"    {problem}")
    print(f"{loaded.id}: {passed} passed, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)


# --- parameter overlays (issue 13, part 7) ---------------------------------------------------------


@app.command("set-parameter")
@handles_errors
def set_parameter(
    parameter: str = typer.Argument(..., help="Qualified name, e.g. ab.income_support.core_shelter"),
    value: str = typer.Option(..., "--value", help="As the YAML writes it: 450.00, 0.05, or a JSON table"),
    effective: str = typer.Option(..., "--effective", help="From this date, YYYY-MM-DD"),
    source: str = typer.Option(..., "--source", help="Title of the published source"),
    url: str | None = typer.Option(None, "--url"),
    section: str | None = typer.Option(None, "--section"),
    confidence: str = typer.Option("high", "--confidence", help="high, medium or low"),
    note: str | None = typer.Option(None, "--note"),
    as_user: str | None = AsUser,
) -> None:
    """Record a new value of a parameter; it applies once another person (``--as-user``) approves it."""
    data = policy.OverlayCreate(
        parameter=parameter,
        value=_value(value),
        effective=parse_date(effective, field="--effective"),
        source_title=source,
        source_url=url,
        source_section=section,
        confidence=confidence,
        note=note,
    )
    row = policy.record_overlay(container().uow(), actor=acting(as_user), data=data)
    print(f"overlay {row.id} {row.parameter} from {row.effective}: pending approval")


def _value(text: str) -> object:
    """A JSON table or list as given; a number or word as text (read by the parameter's unit)."""
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError as err:
            raise InvalidInput("--value", f"is not a valid JSON table: {err.msg}") from None
    if stripped in ("true", "false"):
        return stripped == "true"
    return stripped


@app.command("overlays")
@handles_errors
def list_or_decide_overlays(
    status: str | None = typer.Option(None, "--status", help="pending, approved or refused"),
    approve: str | None = typer.Option(None, "--approve", help="Approve this overlay id"),
    refuse: str | None = typer.Option(None, "--refuse", help="Refuse this overlay id (with --reason)"),
    reason: str | None = typer.Option(None, "--reason"),
    export: bool = typer.Option(False, "--export", help="Print the approved values as pack YAML"),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction"),
    as_user: str | None = AsUser,
) -> None:
    """List parameter overlays, approve or refuse one, or export the approved ones as YAML."""
    uow = container().uow
    if approve or refuse:
        target = _overlay_id(approve or refuse or "")
        decision = policy.OverlayDecision(reason=reason)
        if approve:
            row = policy.approve_overlay(uow(), actor=acting(as_user), overlay_id=target, data=decision)
        else:
            row = policy.refuse_overlay(uow(), actor=acting(as_user), overlay_id=target, data=decision)
        print(f"overlay {row.id} {row.parameter} from {row.effective}: {row.status}")
        return
    if export:
        text = policy.export_overlays(uow(), actor=acting(as_user), jurisdiction=jurisdiction)
        print(text.rstrip("\n"))
        return
    for row in policy.list_overlays(uow(), actor=acting(as_user), status=status, jurisdiction=jurisdiction):
        value = json.dumps(row.value)
        print(
            f"{row.id} {row.status:8} {row.parameter} from {row.effective} = {value} "
            f"({row.confidence}; {row.source_title}; recorded by {row.recorded_by})"
        )


def _overlay_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise InvalidInput("overlay", f"{text!r} is not an overlay id") from None
