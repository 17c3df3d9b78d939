"""The audit area's queries: locking and moving the chain head, appending, reading events."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from onestop.audit.domain import GENESIS_HASH, EventFields
from onestop.audit.models import AuditChainHead, AuditEvent

#: Key of the PostgreSQL advisory lock that serialises appends ("onestopA" as an int64).
CHAIN_LOCK_KEY = 0x6F6E6573746F7041
_HEAD_ID = 1


def lock_head(session: Session) -> tuple[int, str, str | None]:
    """Take the append lock for the rest of the transaction and return the head (seq, hash, seal).

    Every append waits here for the one before to commit, so the time between taking the lock and
    committing is what limits how many events per second the whole installation can record. The
    caller's own rows are flushed first, outside the lock. PostgreSQL: one round trip, ``SELECT ...
    FOR UPDATE`` of the head row, which a waiting transaction re-reads once the holder commits (the
    advisory lock serialises only the very first append, which creates the head). SQLite: the no-op
    UPDATE makes SQLite take its database write lock before the head is read, so a second appender
    waits instead of reading a head that is about to change.
    """
    session.flush()
    head = select(AuditChainHead.seq, AuditChainHead.hash, AuditChainHead.seal).where(
        AuditChainHead.id == _HEAD_ID
    )
    if _postgresql(session):
        row = session.execute(head.with_for_update()).one_or_none()
        if row is not None:
            return int(row.seq), str(row.hash), row.seal
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    touched = session.execute(
        update(AuditChainHead).where(AuditChainHead.id == _HEAD_ID).values(seq=AuditChainHead.seq)
    )
    if getattr(touched, "rowcount", 0) == 0:
        session.add(AuditChainHead(id=_HEAD_ID, seq=0, hash=GENESIS_HASH))
        session.flush()
        return 0, GENESIS_HASH, None
    row = session.execute(head).one()
    return int(row.seq), str(row.hash), row.seal


def append_many(session: Session, rows: Sequence[tuple[EventFields, str]], seal: str | None) -> None:
    """Insert the events (in chain order, each with its hash) and move the head to the last one.

    PostgreSQL: one statement (the insert as a data-modifying CTE of the head's update), so the lock
    is held for as few round trips as possible. The caller holds the lock.
    """
    last, last_hash = rows[-1]
    move = (
        update(AuditChainHead)
        .where(AuditChainHead.id == _HEAD_ID)
        .values(seq=last.seq, hash=last_hash, seal=seal)
    )
    values = [{**_columns(fields), "hash": event_hash} for fields, event_hash in rows]
    if _postgresql(session):
        session.execute(move.add_cte(insert(AuditEvent).values(values).cte("appended")))
        return
    session.execute(insert(AuditEvent), values)
    session.execute(move)


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _columns(fields: EventFields) -> dict[str, Any]:
    values = dict(fields.__dict__)
    staff_id = values.pop("actor_staff_id")
    values["actor_staff_id"] = uuid.UUID(staff_id) if staff_id else None
    return values


def read_head(session: Session) -> tuple[int, str] | None:
    """The head (seq, hash) as committed, without locking; None before the first event."""
    row = session.execute(
        select(AuditChainHead.seq, AuditChainHead.hash).where(AuditChainHead.id == _HEAD_ID)
    ).one_or_none()
    return None if row is None else (int(row.seq), str(row.hash))


def read_sealed_head(session: Session) -> tuple[int, str, str | None] | None:
    """The head (seq, hash) and its seal as committed, read together (one statement, one snapshot)."""
    row = session.execute(
        select(AuditChainHead.seq, AuditChainHead.hash, AuditChainHead.seal).where(
            AuditChainHead.id == _HEAD_ID
        )
    ).one_or_none()
    return None if row is None else (int(row.seq), str(row.hash), row.seal)


def read_seal(session: Session) -> str | None:
    """The head's HMAC seal as stored (None if unsealed or no head)."""
    return session.scalar(select(AuditChainHead.seal).where(AuditChainHead.id == _HEAD_ID))


def event_hash_at(session: Session, seq: int) -> str | None:
    """The stored hash of the event at ``seq``, if that event is stored."""
    return session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))


def last_seq(session: Session) -> int | None:
    """The highest stored seq, if any event is stored."""
    value = session.scalar(select(func.max(AuditEvent.seq)))
    return None if value is None else int(value)


def first_seq(session: Session) -> int | None:
    """The lowest stored seq, if any event is stored."""
    value = session.scalar(select(func.min(AuditEvent.seq)))
    return None if value is None else int(value)


def iter_chain(session: Session, *, up_to_seq: int, batch: int = 1000) -> Iterator[tuple[EventFields, str]]:
    """Every event up to ``up_to_seq`` in seq order, streamed in batches, as (fields, stored hash)."""
    table = AuditEvent.__table__
    after = 0
    while True:
        rows = session.execute(
            select(table)
            .where(table.c.seq > after, table.c.seq <= up_to_seq)
            .order_by(table.c.seq)
            .limit(batch)
        ).all()
        for row in rows:
            yield _fields(row), str(row.hash)
        if len(rows) < batch:
            return
        after = int(rows[-1].seq)


def _fields(row: Any) -> EventFields:
    return EventFields(
        seq=int(row.seq),
        occurred_at=row.occurred_at,
        actor_staff_id=str(row.actor_staff_id) if row.actor_staff_id is not None else None,
        actor_username=row.actor_username,
        action=row.action,
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        purpose=row.purpose,
        outcome=row.outcome,
        before=row.before,
        after=row.after,
        details=row.details,
        prev_hash=row.prev_hash,
    )


def list_recent_events(
    session: Session, *, subject_type: str | None, subject_id: str | None, limit: int
) -> Sequence[AuditEvent]:
    """Newest first, optionally for one subject."""
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    if subject_type is not None:
        query = query.where(AuditEvent.subject_type == subject_type)
    if subject_id is not None:
        query = query.where(AuditEvent.subject_id == subject_id)
    return session.scalars(query).all()


def count_events(session: Session) -> int:
    """How many events are stored."""
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
