"""``onestop people``: search, add and show people from the server's shell (acting as the system)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import typer
from rich.console import Console
from rich.table import Table

from onestop import registry
from onestop.cli.common import call, handles_errors
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.ids import parse_id
from onestop.registry.schemas import AddressIn, DuplicateDecision, EmailIn, PersonCreate, PhoneIn, SearchQuery

app = typer.Typer(help="Search, register and show people.", no_args_is_help=True)


def _date(value: str | None, field: str) -> dt.date | None:
    return parse_date(value, field=field) if value else None


@app.command()
@handles_errors
def search(
    name: str = typer.Argument("", help="Name as typed: 'Given Family' or 'Family, Given'."),
    birth_date: str | None = typer.Option(None, "--birth-date", help="YYYY-MM-DD"),
    sin: str | None = typer.Option(None, "--sin", help="Exact SIN."),
    phone: str | None = typer.Option(None, "--phone"),
    limit: int = typer.Option(20, "--limit", min=1, max=100),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Fuzzy search; identifiers are masked."""
    query = SearchQuery(
        name=name or None, birth_date=_date(birth_date, "birth_date"), sin=sin, phone=phone, limit=limit
    )
    hits = call(registry.search_people, query=query)
    if as_json:
        print(json.dumps([h.model_dump(mode="json") for h in hits], ensure_ascii=False, indent=2))
        return
    table = Table("score", "id", "name", "born", "SIN", "city", "why")
    for h in hits:
        p = h.person
        table.add_row(
            str(h.score),
            str(p.id),
            f"{p.given_names} {p.family_name}".strip(),
            str(p.birth_date or ""),
            p.sin or "",
            p.city or "",
            "; ".join(h.reasons),
        )
    Console().print(table)


@app.command()
@handles_errors
def add(
    family_name: str = typer.Option("", "--family-name", help="Family name (or the only name)."),
    given_names: str = typer.Option("", "--given-names"),
    former_family_name: list[str] = typer.Option(
        [], "--former-family-name", help="Another family name used (a name before marriage). Repeatable."
    ),
    preferred_name: str | None = typer.Option(None, "--preferred-name"),
    birth_date: str | None = typer.Option(None, "--birth-date", help="YYYY-MM-DD"),
    language: str = typer.Option("en", "--language", help="en, fr or other"),
    language_other: str | None = typer.Option(None, "--language-other"),
    sin: str | None = typer.Option(None, "--sin"),
    phone: list[str] = typer.Option([], "--phone", help="Repeatable."),
    email: list[str] = typer.Option([], "--email", help="Repeatable."),
    address: str | None = typer.Option(None, "--address", help="'line1|city|province|postal code'"),
    new_person_reason: str | None = typer.Option(
        None, "--new-person-reason", help="Register even though possible duplicates exist, with this reason."
    ),
) -> None:
    """Register one person; exit 2 with the problem (or the possible duplicates) on bad input."""
    data = PersonCreate(
        given_names=given_names,
        family_name=family_name,
        former_family_names=former_family_name,
        preferred_name=preferred_name,
        birth_date=_date(birth_date, "birth_date"),
        language=language,
        language_other=language_other,
        sin=sin,
        phones=[PhoneIn(number=p) for p in phone],
        emails=[EmailIn(address=e) for e in email],
        addresses=[_address(address)] if address else [],
    )
    decision = (
        DuplicateDecision(decision="new_person", reason=new_person_reason) if new_person_reason else None
    )
    try:
        person = call(registry.register_person, data=data, duplicate_decision=decision)
    except registry.LikelyDuplicates as err:
        for match in err.matches:
            p = match.person
            print(f"  {match.score:3d}  {p.id}  {p.given_names} {p.family_name}  {'; '.join(match.reasons)}")
        raise
    print(person.id)


def _address(text: str) -> AddressIn:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) != 4:
        raise InvalidInput("address", "write it as 'line1|city|province|postal code'")
    return AddressIn(line1=parts[0], city=parts[1], province=parts[2], postal_code=parts[3])


@app.command()
@handles_errors
def show(
    person_id: str = typer.Argument(..., help="The person's id."),
    purpose: str = typer.Option("file view", "--purpose", help="Why you are reading the file (audited)."),
) -> None:
    """Print a person's file as JSON (masked)."""
    pid: uuid.UUID = parse_id(person_id, field="person_id")
    person = call(registry.get_person, person_id=pid, purpose=purpose)
    print(json.dumps(person.model_dump(mode="json"), ensure_ascii=False, indent=2))
