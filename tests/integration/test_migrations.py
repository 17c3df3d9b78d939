"""The migrations and the models agree, on every backend: schema changes go through migrations only."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

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
