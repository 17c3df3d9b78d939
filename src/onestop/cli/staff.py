"""``onestop staff``: staff accounts and offices, run by an operator on the server (audited as "cli")."""

from __future__ import annotations

import typer

from onestop import access
from onestop.cli.common import cli_actor, container, handles_errors

app = typer.Typer(help="Staff accounts and offices.", no_args_is_help=True)


@app.command("create")
@handles_errors
def create(
    username: str = typer.Option(..., "--username", help="Login name (case-insensitive)."),
    name: str = typer.Option(..., "--name", help="Display name, e.g. 'Jane Doe'."),
    role: list[str] = typer.Option(
        ..., "--role", help="A role; repeat for several (officer, supervisor...)."
    ),
    office: str | None = typer.Option(None, "--office", help="Office code, e.g. EDM-01."),
    email: str | None = typer.Option(None, "--email", help="E-mail address."),
    password: str | None = typer.Option(
        None, "--password", help="Password; asked for (hidden) when omitted."
    ),
) -> None:
    """Create a staff account."""
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    office_id = None
    if office is not None:
        office_id = access.get_office_by_code(container().uow(), actor=cli_actor(), code=office).id
    staff = access.create_staff(
        container().uow(),
        actor=cli_actor(),
        username=username,
        display_name=name,
        password=password,
        roles=role,
        office_id=office_id,
        email=email,
    )
    typer.echo(f"created staff {staff.username} ({', '.join(staff.role_names)}) id {staff.id}")


@app.command("list")
@handles_errors
def list_(
    include_inactive: bool = typer.Option(False, "--all", help="Include deactivated accounts."),
) -> None:
    """List staff accounts."""
    found = access.list_staff(container().uow(), actor=cli_actor(), include_inactive=include_inactive)
    for s in found:
        office = s.office.code if s.office is not None else "-"
        state = "" if s.active else "  (inactive)"
        typer.echo(f"{s.username:<20} {s.display_name:<28} {office:<10} {','.join(s.role_names)}{state}")
    if not found:
        typer.echo("no staff accounts")


@app.command("deactivate")
@handles_errors
def deactivate(username: str = typer.Argument(..., help="Login name.")) -> None:
    """Deactivate an account; its tokens stop working at once."""
    staff = access.get_staff_by_username(container().uow(), actor=cli_actor(), username=username)
    access.deactivate_staff(container().uow(), actor=cli_actor(), staff_id=staff.id)
    typer.echo(f"deactivated {staff.username}")


@app.command("office-create")
@handles_errors
def office_create(
    code: str = typer.Argument(..., help="Office code, e.g. EDM-01."),
    name: str = typer.Argument(..., help="Office name."),
) -> None:
    """Create an office."""
    office = access.create_office(container().uow(), actor=cli_actor(), code=code, name=name)
    typer.echo(f"created office {office.code} ({office.name}) id {office.id}")


@app.command("offices")
@handles_errors
def offices() -> None:
    """List offices."""
    for o in access.list_offices(container().uow(), actor=cli_actor()):
        typer.echo(f"{o.code:<12} {o.name}")
