"""``onestop staff``: staff accounts and offices, run by an operator on the server (audited as "cli")."""

from __future__ import annotations

import uuid

import typer

from onestop import access
from onestop.access import grants
from onestop.cli.common import call, container, handles_errors
from onestop.cli.payments import AsUser, acting
from onestop.common.errors import InvalidInput

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
        office_id = call(access.get_office_by_code, code=office).id
    staff = call(
        access.create_staff,
        username=username,
        display_name=name,
        password=password,
        roles=role,
        office_id=office_id,
        email=email,
    )
    typer.echo(
        f"created staff {staff.username} ({', '.join(staff.role_names) or 'no role yet'}) id {staff.id}"
    )
    waiting = call(grants.pending_roles, staff_id=staff.id)
    if waiting:
        typer.echo(
            f"waiting for another administrator's approval: {', '.join(waiting)} "
            "(`onestop staff grants`, `onestop staff approve ID --as-user ADMIN`)"
        )


@app.command("list")
@handles_errors
def list_(
    include_inactive: bool = typer.Option(False, "--all", help="Include deactivated accounts."),
) -> None:
    """List staff accounts."""
    found = call(access.list_staff, include_inactive=include_inactive)
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
    staff = call(access.get_staff_by_username, username=username)
    call(access.deactivate_staff, staff_id=staff.id)
    typer.echo(f"deactivated {staff.username}")


@app.command("office-create")
@handles_errors
def office_create(
    code: str = typer.Argument(..., help="Office code, e.g. EDM-01."),
    name: str = typer.Argument(..., help="Office name."),
) -> None:
    """Create an office."""
    office = call(access.create_office, code=code, name=name)
    typer.echo(f"created office {office.code} ({office.name}) id {office.id}")


@app.command("offices")
@handles_errors
def offices() -> None:
    """List offices."""
    for o in call(access.list_offices):
        typer.echo(f"{o.code:<12} {o.name}")


@app.command("grants")
@handles_errors
def grants_(
    state: str = typer.Option(
        "pending", "--state", help="pending (default), approved, refused, granted, or 'all'."
    ),
) -> None:
    """List role grants: the pending ones wait for a second administrator."""
    found = call(grants.list_grants, state=None if state == "all" else state)
    for g in found:
        typer.echo(
            f"{g.id}  {g.staff.username:<20} {g.role:<14} {g.state:<9} "
            f"asked by {g.requested_by}: {g.reason or '-'}"
        )
    if not found:
        typer.echo("no role grants")


@app.command("grant")
@handles_errors
def grant(
    username: str = typer.Argument(..., help="Login name of the account."),
    role: str = typer.Option(..., "--role", help="The role to give (officer, supervisor...)."),
    reason: str = typer.Option(..., "--reason", help="Why the account needs it."),
    as_user: str | None = AsUser,
) -> None:
    """Ask for a role; a privileged one waits for another administrator's approval."""
    actor = acting(as_user)
    staff = access.get_staff_by_username(container().uow(), actor=actor, username=username)
    done = grants.request_grant(container().uow(), actor=actor, staff_id=staff.id, role=role, reason=reason)
    typer.echo(f"{done.state}: {done.role} for {staff.username} (grant {done.id})")


@app.command("approve")
@handles_errors
def approve(
    grant_id: str = typer.Argument(..., help="The grant's id (from `onestop staff grants`)."),
    note: str = typer.Option("", "--note", help="An optional note."),
    as_user: str | None = AsUser,
) -> None:
    """Approve a grant as a named administrator (--as-user): the system approves nothing."""
    done = grants.approve_grant(
        container().uow(), actor=acting(as_user), grant_id=_grant_id(grant_id), note=note
    )
    typer.echo(f"approved: {done.role} for {done.staff.username}")


@app.command("refuse")
@handles_errors
def refuse(
    grant_id: str = typer.Argument(..., help="The grant's id (from `onestop staff grants`)."),
    reason: str = typer.Option(..., "--reason", help="Why it is refused."),
    as_user: str | None = AsUser,
) -> None:
    """Refuse a grant, with a reason."""
    done = grants.refuse_grant(
        container().uow(), actor=acting(as_user), grant_id=_grant_id(grant_id), reason=reason
    )
    typer.echo(f"refused: {done.role} for {done.staff.username}")


def _grant_id(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise InvalidInput("grant_id", "give the grant's id as `onestop staff grants` shows it") from None
