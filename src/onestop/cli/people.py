"""``onestop people``."""

from __future__ import annotations

import typer

app = typer.Typer(help="people", no_args_is_help=True)
