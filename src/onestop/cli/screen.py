"""``onestop screen CASE_FILE`` (needs screening) and ``onestop catalogue`` (list, show, check)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from onestop.cli.common import Format, Lang, handles_errors
from onestop.jurisdictions import JURISDICTIONS, CatalogueError, load_catalogue
from onestop.rules import load_file
from onestop.screening import screen as run_screen

catalogue_app = typer.Typer(help="The program catalogue: list, show, check.", no_args_is_help=True)


@handles_errors
def screen(
    case_file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Case file, YAML or JSON."),
    output: Format = typer.Option(Format.TEXT, "--format", help="text (for reading) or json."),
    lang: Lang = typer.Option(Lang.EN, "--lang", help="Language: en or fr."),
) -> None:
    """Screen a case against every program and service: likely, possibly, not eligible, or refer."""
    screening = run_screen(load_file(case_file), lang.value)
    if output is Format.JSON:
        print(json.dumps(screening.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(screening.render())


@catalogue_app.command("list")
@handles_errors
def list_entries(
    jurisdiction: str = typer.Argument(..., help="ca-ab or ca-nl"),
    lang: Lang = typer.Option(Lang.EN, "--lang"),
) -> None:
    """Every program and service of a jurisdiction's catalogue."""
    for entry in load_catalogue(jurisdiction):
        print(f"{entry.id:32} {entry.kind.value:9} {entry.name(lang.value)}")


@catalogue_app.command("show")
@handles_errors
def show(
    jurisdiction: str = typer.Argument(..., help="ca-ab or ca-nl"),
    entry_id: str = typer.Argument(..., help="Program id, e.g. ab.aish"),
    lang: Lang = typer.Option(Lang.EN, "--lang"),
) -> None:
    """One entry: who it is for, how to apply, documents, and where to refer."""
    catalogue = load_catalogue(jurisdiction)
    if entry_id not in catalogue:
        raise CatalogueError(f"program: {entry_id!r} is not in the {jurisdiction} catalogue")
    e, lg = catalogue.get(entry_id), lang.value
    lines = [f"{e.name(lg)} ({e.id}, {e.kind.value})", e.description(lg), "", e.who(lg)]
    lines += [f"Act: {e.act(lg)}"] if e.act else []
    lines += ["", e.how_to_apply(lg)] + [f"  - {d(lg)}" for d in e.documents]
    lines += ["", e.agency.name(lg)]
    for c in e.agency.contacts:
        label = f" ({c.label(lg)})" if c.label else ""
        lines.append(f"  {c.kind.value}: {c.value}{label}  [source: {c.source}]")
    print("\n".join(lines))


@catalogue_app.command("check")
@handles_errors
def check() -> None:
    """Load and validate every catalogue; exit 2 naming the file and entry of the first problem."""
    for jurisdiction in JURISDICTIONS:
        catalogue = load_catalogue(jurisdiction)
        print(f"{jurisdiction}: {len(catalogue)} entries, {len(catalogue.interactions)} interactions - ok")
