"""The migrations and the models agree, on every backend: schema changes go through migrations only."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from onestop.db import Base, migrate


def test_migrated_schema_matches_models(migrated_engine: Engine) -> None:
    with migrated_engine.connect() as conn:
        opts = {
            "compare_type": True,
            "include_name": migrate.include_name,
            "include_object": migrate.include_object,
        }
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], f"models and migrations differ; generate a migration: {diff}"


def test_every_table_exists_after_upgrade(migrated_engine: Engine) -> None:
    tables = set(inspect(migrated_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.current(migrated_engine) is not None


def test_storage_parameters_match_models(migrated_engine: Engine) -> None:
    """Autogenerate does not compare ``WITH (...)``: a table's fillfactor (batch items leave room
    for the export's HOT update) must come from the migrations as the models declare it."""
    if migrated_engine.dialect.name != "postgresql":
        return  # SQLite has no storage parameters
    with migrated_engine.connect() as conn:
        found = {
            name: sorted(options or [])
            for name, options in conn.execute(
                text(
                    "SELECT relname, reloptions FROM pg_class"
                    " WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
                )
            )
        }
    for name, table in Base.metadata.tables.items():
        wanted = table.dialect_options["postgresql"]["with"] or {}
        assert found.get(name, []) == sorted(f"{k}={v}" for k, v in wanted.items()), name
