"""Many-row inserts: PostgreSQL ``COPY`` (an order of magnitude faster than INSERTs for a payment run
of 100,000 rows), multi-row INSERTs elsewhere. Both run in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

CHUNK = 5000
#: Below this many rows COPY's set-up is not worth it.
COPY_FROM = 500


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name, every row with the same keys) into ``table``."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql" and len(rows) >= COPY_FROM:
        _copy(session, table, rows)
        return
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(table), rows[start : start + CHUNK])


def _copy(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = list(rows[0])
    types = [table.c[name].type for name in columns]
    processors = [t.bind_processor(session.get_bind().dialect) for t in types]
    raw = session.connection().connection.driver_connection
    assert raw is not None
    names = ", ".join(f'"{name}"' for name in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([p(row[c]) if p else row[c] for c, p in zip(columns, processors, strict=True)])
