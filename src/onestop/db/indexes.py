"""``partial_index``: an index of only the rows a condition holds for, declared once for both backends."""

from __future__ import annotations

from sqlalchemy import Index, text


def partial_index(name: str | None, *columns: str, where: str, unique: bool = False) -> Index:
    """SQLite and PostgreSQL both index ``WHERE`` a condition; each dialect takes it under its own
    keyword. A unique one enforces "at most one such row" (one open appeal per decision, say)."""
    condition = text(where)
    return Index(name, *columns, unique=unique, sqlite_where=condition, postgresql_where=condition)
