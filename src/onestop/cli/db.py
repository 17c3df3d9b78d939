"""``onestop db``: schema migrations."""

from __future__ import annotations

import typer

from onestop.cli.common import container
from onestop.db import migrate

app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)


@app.command()
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    engine = container().engine
    migrate.upgrade(engine, revision)
    typer.echo(f"database at {migrate.current(engine)}")


@app.command()
def current() -> None:
    """Print the revision the database is at."""
    typer.echo(migrate.current(container().engine) or "(empty database)")
