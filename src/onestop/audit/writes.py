"""``audited_write``: end a change the one way, as ``audited_read`` ends a read (record the event, make
the public view, commit); ``fields``: a row's values by name, for an event's ``before``/``after``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from onestop.audit.actions import AuditAction
from onestop.audit.recorder import record

if TYPE_CHECKING:
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork

T = TypeVar("T")


def fields(row: object, *names: str) -> dict[str, Any]:
    """``{name: row.name}`` for each name, in order."""
    return {name: getattr(row, name) for name in names}


def audited_write(
    uow: UnitOfWork,
    view: Callable[[], T],
    *,
    actor: Actor,
    action: AuditAction,
    subject_type: str | None,
    subject_id: object | None,
    purpose: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> T:
    """Record the change's event, then return ``view()``, what the use case hands back, made once the
    event's flush has sent every change (so it shows the new version and ids) and committed."""
    record(
        uow,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        purpose=purpose,
        before=before,
        after=after,
        details=details,
    )
    value = view()
    uow.commit()
    return value
