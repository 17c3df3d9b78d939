"""``record``: append one event to the hash-chained audit log, inside the caller's transaction.

An event is made when it is recorded and put in the chain when its transaction commits: the chain
lock (one row, every append in the installation waits for it) is taken just before the commit, held
for the insert and the commit and nothing else. Taken at ``record``, it was held while the use case
went on working, and at 200 users most of the database's connections waited for it
(benchmarks/README.md, "The office at peak"). The event still commits with the change it records,
or not at all: a rollback (of the transaction, or of the savepoint it was recorded in) drops it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from onestop.audit import domain, repository
from onestop.audit.actions import AuditAction
from onestop.db import json_ready

if TYPE_CHECKING:
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork

OUTCOMES = frozenset({"ok", "denied", "failed"})

#: ``session.info`` key: the events recorded in the open transaction, waiting for its commit.
PENDING = "onestop.audit.pending_events"


class Appender(Protocol):
    """Appends an event's values to the chain in a transaction of its own: ``appender.ChainAppender``,
    named by its shape because the appender imports this module (``pending_events``)."""

    def append(self, values: dict[str, Any]) -> None: ...


@dataclass
class _Pending:
    """The events of one transaction, in the order recorded, each with the savepoint it was
    recorded in (None: the transaction itself), and the key that seals the head."""

    audit_key: bytes
    events: list[tuple[dict[str, Any], SessionTransaction | None]] = field(default_factory=list)


def record(
    uow: UnitOfWork,
    *,
    actor: Actor,
    action: AuditAction,
    subject_type: str | None,
    subject_id: object | None,
    purpose: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
    appender: Appender | None = None,
) -> None:
    """Append an audit event in the current transaction; sensitive keys are redacted on the way in.

    With an ``appender`` (a read that wrote nothing, see ``audited_read``) the transaction is committed
    first and the event appended with the other reads waiting; this returns once it is committed.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"audit outcome must be one of {sorted(OUTCOMES)}, not {outcome!r}")
    # everything that does not depend on the head is made before the lock: others wait while it is held
    values = {
        "occurred_at": uow.clock.now(),
        "actor_staff_id": str(actor.staff_id) if actor.staff_id is not None else None,
        "actor_username": actor.username,
        "action": str(action),
        "subject_type": subject_type,
        "subject_id": None if subject_id is None else str(subject_id),
        "purpose": purpose,
        "outcome": outcome,
        "before": _storable(before, subject_type),
        "after": _storable(after, subject_type),
        "details": _storable(details, subject_type),
    }
    if appender is not None:
        uow.commit()
        appender.append(values)
        return
    session = uow.session
    pending = session.info.get(PENDING)
    if pending is None:
        pending = session.info[PENDING] = _Pending(uow.audit_key)
    pending.events.append((values, session.get_nested_transaction()))


def pending_events(session: Session) -> int:
    """How many events the open transaction has recorded and not yet put in the chain."""
    pending = session.info.get(PENDING)
    return 0 if pending is None else len(pending.events)


@event.listens_for(Session, "before_commit")
def _append_pending(session: Session) -> None:
    """Put the transaction's events in the chain, last thing before its commit: the caller's rows
    are flushed first, outside the lock; then the head is locked, the events inserted in one
    statement and the head moved, and the commit that follows releases the lock. A savepoint's
    release is not the commit: its events wait for the transaction's."""
    if session.in_nested_transaction():
        return
    pending = session.info.pop(PENDING, None)
    if pending is None or not pending.events:
        return
    session.flush()
    append_events(session, [values for values, _savepoint in pending.events], pending.audit_key)


def append_events(session: Session, events: list[dict[str, Any]], audit_key: bytes) -> None:
    """Lock the chain's head and put ``events`` after it, in order, each hashed on the one before,
    with the head moved (and sealed under ``audit_key``, if any) in the same statement; the lock is
    held until the caller commits. The one way into the chain: a transaction's own events at its
    commit, and the batches of reads (``appender``)."""
    head_seq, head_hash, head_seal = repository.lock_head(session)
    start = (head_seq, head_hash, head_seal)
    rows = []
    for values in events:
        fields = domain.EventFields(seq=head_seq + 1, prev_hash=head_hash, **values)
        head_seq, head_hash = fields.seq, domain.event_hash(fields)
        rows.append((fields, head_hash))
    seal = domain.next_seal(audit_key, start, head_seq, head_hash) if audit_key else None
    repository.append_many(session, rows, seal)


@event.listens_for(Session, "after_soft_rollback")
def _drop_pending(session: Session, previous: SessionTransaction) -> None:
    """A rollback takes its events with it: the transaction's all, a savepoint's those recorded in it
    (or in a savepoint inside it)."""
    if not previous.nested:
        session.info.pop(PENDING, None)
        return
    pending = session.info.get(PENDING)
    if pending is not None:
        pending.events = [(v, sp) for v, sp in pending.events if not _within(sp, previous)]


def _within(savepoint: SessionTransaction | None, outer: SessionTransaction) -> bool:
    while savepoint is not None:
        if savepoint is outer:
            return True
        savepoint = savepoint.parent
    return False


def _storable(value: dict[str, Any] | None, subject_type: str | None) -> Any:
    """Redacted, JSON-normalised copy: exactly what the database will hand back, so hashes re-compute."""
    if value is None:
        return None
    return _integral_floats_as_ints(
        json.loads(json.dumps(json_ready(domain.redact(value, subject_type=subject_type)), default=str))
    )


def _integral_floats_as_ints(value: Any) -> Any:
    # PostgreSQL's JSONB hands 1e16 back as the integer 10000000000000000, which would change the
    # canonical JSON and so the hash; storing such values as integers in the first place avoids that.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integral_floats_as_ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_ints(v) for v in value]
    return value
