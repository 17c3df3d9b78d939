"""What a database administrator (or an attacker who is one) can do that the application cannot:
switch off the audit log's append-only triggers for a while.

Tests use it to tamper with the log on purpose, and to empty the tables after a committed test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

AUDIT_TABLES = ("audit_event", "audit_chain_head")


@contextmanager
def audit_triggers_off(conn: Connection) -> Iterator[None]:
    """In the caller's transaction: drop (SQLite) or disable (PostgreSQL) the triggers, then restore them."""
    if conn.dialect.name == "postgresql":
        for table in AUDIT_TABLES:
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        yield
        for table in AUDIT_TABLES:
            conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
        return
    triggers = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (:a, :b)"),
        {"a": AUDIT_TABLES[0], "b": AUDIT_TABLES[1]},
    ).all()
    for name, _ in triggers:
        conn.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _, sql in triggers:
        conn.execute(text(sql))
