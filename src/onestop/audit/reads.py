"""``audited_read``: end a read of personal data the one way (design: every access is audited).

A read use case checks the permission, fetches, records the read, commits and returns what it read;
this is its last three steps. Commit, then detach, so the returned records stay loaded once the
``with uow`` block closes the session (leaving it rolls back, which would expire anything attached).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from onestop.audit.actions import AuditAction
from onestop.audit.appender import appender_for
from onestop.audit.recorder import record

if TYPE_CHECKING:
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork

T = TypeVar("T")
R = TypeVar("R")


def audited_read(
    uow: UnitOfWork,
    value: T,
    *,
    actor: Actor,
    action: AuditAction,
    subject_type: str | None,
    subject_id: object | None = None,
    purpose: str | None = None,
    details: dict[str, Any] | None = None,
) -> T:
    """Record the read of ``value``, commit, and return ``value`` (convert rows to public models first).

    A read that wrote nothing commits first and has its event appended with the other reads waiting
    (``appender``: one chain lock for all of them); it returns only once the event is committed.
    """
    batched = appender_for(uow)
    record(
        uow,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        purpose=purpose,
        details=details,
        appender=batched,
    )
    if batched is None:
        uow.commit()
    if getattr(uow, "_depth", 1) <= 1:  # never detach records an enclosing use case still works on
        uow.session.expunge_all()
    return value


def audited_list(
    uow: UnitOfWork,
    rows: Sequence[R],
    convert: Callable[[R], T],
    *,
    actor: Actor,
    action: AuditAction,
    subject_type: str | None,
    subject_id: object | None = None,
) -> list[T]:
    """``audited_read`` of several records, each converted; the event says how many (``results``)."""
    found = [convert(row) for row in rows]
    details = {"results": len(rows)}
    return audited_read(
        uow,
        found,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        details=details,
    )
