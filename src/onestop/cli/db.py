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


@app.command()
def revision(
    message: str = typer.Option(..., "-m", "--message", help="What the migration does."),
    url: str = typer.Option("sqlite://", help="A scratch database to diff against (default: in memory)."),
) -> None:
    """Generate a migration from model changes (developers; read and edit the result)."""
    from onestop.db import make_engine

    migrate.revision(make_engine(url), message)
