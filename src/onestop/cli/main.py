"""The ``onestop`` command: one module per group, registered here and imported only when used.

Importing every group up front costs seconds (each pulls in its area: the web app, the rules, the
Splink sweep...), paid again by every command; ``make demo`` runs three. So the root group knows the
groups by name and imports a group's module the first time that group is asked for: ``onestop db
upgrade`` imports the database code only. ``onestop --help`` still imports them all (to list them).
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperGroup

#: Command name: (module under onestop.cli, attribute). A Typer attribute is a group; a function is a
#: command of the root; a list is several root commands (the rules module's).
LAZY: dict[str, tuple[str, str]] = {
    "db": ("db", "app"),
    "people": ("people", "app"),
    "registry": ("registry", "app"),
    "staff": ("staff", "app"),
    "audit": ("audit", "app"),
    "demo": ("demo", "app"),
    "notices": ("notices", "app"),
    "rules": ("rules", "app"),
    "payments": ("payments", "app"),
    "approvals": ("payments", "approvals_app"),
    "budgets": ("payments", "budgets_app"),
    "ledger": ("ledger", "app"),
    "cases": ("cases", "app"),
    "catalogue": ("screen", "catalogue_app"),
    "screen": ("screen", "screen"),
    "batch": ("batch", "app"),
    "reports": ("reports", "app"),
    "health": ("health", "app"),
    "partners": ("partners", "app"),
    "inquiries": ("partners", "inquiries_app"),
    "privacy": ("privacy", "app"),
    "knowledge": ("knowledge", "app"),
    "serve": ("serve", "serve"),
    "evaluate": ("rules", "TOP_LEVEL_COMMANDS"),
}


def _load(name: str) -> Any:
    """The (click) command for ``name``, importing its module now; None for an unknown one."""
    module, attribute = LAZY[name]
    found: Any = getattr(importlib.import_module(f"onestop.cli.{module}"), attribute)
    if isinstance(found, typer.Typer):
        group = typer.main.get_group(found)
        group.name = name
        return group
    functions = found if isinstance(found, list) else [found]
    for function in functions:
        if function.__name__.rstrip("_") == name:
            holder = typer.Typer()
            holder.command(name=name)(function)
            return typer.main.get_command(holder)
    return None


class LazyGroup(TyperGroup):
    """The root group: lists every command, imports one only when it runs (or for ``--help``)."""

    # The context and command are the click types typer vendors (typer._click, private): left as Any.
    def list_commands(self, ctx: Any) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in LAZY:
            return _load(cmd_name)
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    cls=LazyGroup,
    help="onestop: integrated delivery of social programs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """onestop: integrated delivery of social programs."""


if __name__ == "__main__":
    app()
