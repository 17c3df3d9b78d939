"""Run Alembic from code, so ``onestop db upgrade`` needs no alembic.ini in the working directory."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the packaged migrations and the given database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` on this engine's database."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a migration from the difference between the models and this (migrated) database.

    Read and edit the generated file before committing it: autogenerate misses renames and data moves.
    """
    from onestop.db import all_models  # noqa: F401  (register every table)

    upgrade(engine)
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)


def _unmanaged() -> set[str]:
    from onestop.db.base import Base

    names: set[str] = Base.metadata.info.get("unmanaged", set())
    return names


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate's name filter: leave out the tables a migration makes per dialect (full-text search)."""
    return not (type_ == "table" and name in _unmanaged())


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate's object filter: leave out what a migration makes per dialect and no model declares
    (the knowledge base's FTS5 table, tsvector column and GIN index); models register them in
    ``Base.metadata.info["unmanaged"]``."""
    return not (reflected and compare_to is None and name in _unmanaged())
