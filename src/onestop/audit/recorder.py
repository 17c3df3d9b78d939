"""``record``: append one event to the hash-chained audit log, inside the caller's transaction.

The append takes the chain lock, which is held until the caller commits or rolls back, so call
``record`` late in a use case (just before ``uow.commit()``) to keep other appenders waiting briefly.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from onestop.audit import domain, repository
from onestop.audit.actions import AuditAction
from onestop.db import json_ready

if TYPE_CHECKING:
    from onestop.audit.appender import ChainAppender
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork

OUTCOMES = frozenset({"ok", "denied", "failed"})

#: ``session.info`` key set once a transaction holds the chain lock (see ``access.require``).
HOLDS_CHAIN_LOCK = "onestop.audit.holds_chain_lock"


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
    appender: ChainAppender | None = None,
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
    head_seq, head_hash, head_seal = repository.lock_head(session)
    session.info[HOLDS_CHAIN_LOCK] = True
    fields = domain.EventFields(seq=head_seq + 1, prev_hash=head_hash, **values)
    event_hash = domain.event_hash(fields)
    seal = None
    if uow.audit_key:
        head = (head_seq, head_hash, head_seal)
        seal = domain.next_seal(uow.audit_key, head, fields.seq, event_hash)
    repository.append(session, fields, event_hash, seal)
    session.flush()


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
