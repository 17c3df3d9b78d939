"""``audited_write``: end a change the one way, as ``audited_read`` ends a read (record the event, make
the public view, commit); ``fields``: a row's values by name, for an event's ``before``/``after``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Unpack

from onestop.audit.actions import AuditAction
from onestop.audit.recorder import record

if TYPE_CHECKING:
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork

T = TypeVar("T")


def fields(row: object, *names: str) -> dict[str, Any]:
    """``{name: row.name}`` for each name, in order."""
    return {name: getattr(row, name) for name in names}


class Event(TypedDict, total=False):
    """What an event says besides who did what to which record (``record``'s other keywords)."""

    purpose: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    details: dict[str, Any] | None


def audited_write(
    uow: UnitOfWork,
    view: Callable[[], T],
    *,
    actor: Actor,
    action: AuditAction,
    subject_type: str | None,
    subject_id: object | None,
    **event: Unpack[Event],
) -> T:
    """Record the change's event, then return ``view()``, what the use case hands back, made once the
    event's flush has sent every change (so it shows the new version and ids) and committed."""
    record(uow, actor=actor, action=action, subject_type=subject_type, subject_id=subject_id, **event)
    value = view()
    uow.commit()
    return value
