"""``onestop demo``."""

from __future__ import annotations

import typer

app = typer.Typer(help="demo", no_args_is_help=True)
