"""``Subject``: one kind of record as its use cases name it in the trail and hand it back.

Most changes end the same way: flush, record the event against the row, commit, return the row's
public view; most reads too (record the read, commit, return the views). A module names its records
once (``subject_type`` and ``view``) and ends each change with ``saved``, each read with ``read`` or
``listed``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from onestop.audit.actions import AuditAction
from onestop.audit.reads import audited_list, audited_read
from onestop.audit.writes import audited_write

if TYPE_CHECKING:
    from onestop.audit.domain import Actor
    from onestop.db import UnitOfWork


class Identified(Protocol):
    """A row with an id (every table's primary key)."""

    @property
    def id(self) -> uuid.UUID: ...


R = TypeVar("R", bound=Identified)
V = TypeVar("V")


class Subject(Generic[R, V]):
    """Rows recorded under ``subject_type``, returned as ``view(uow, row)``."""

    def __init__(self, subject_type: str, view: Callable[[UnitOfWork, R], V]) -> None:
        self.subject_type = subject_type
        self.view = view

    @classmethod
    def of_row(cls, subject_type: str, view: Callable[[R], V]) -> Subject[R, V]:
        """A subject whose view needs nothing but the row (a schema's ``model_validate``)."""
        return cls(subject_type, lambda _uow, row: view(row))

    def saved(self, uow: UnitOfWork, actor: Actor, action: AuditAction, row: R, **event: Any) -> V:
        """End a change of ``row``: flush it, record ``action`` against it (``event``: purpose, before,
        after, details), commit, and return its view."""
        uow.flush()
        return audited_write(
            uow,
            lambda: self.view(uow, row),
            actor=actor,
            action=action,
            subject_type=self.subject_type,
            subject_id=row.id,
            **event,
        )

    def read(self, uow: UnitOfWork, actor: Actor, action: AuditAction, row: R) -> V:
        """End a read of ``row``: record it against the row, commit, and return its view."""
        view = self.view(uow, row)
        return audited_read(
            uow, view, actor=actor, action=action, subject_type=self.subject_type, subject_id=row.id
        )

    def listed(
        self, uow: UnitOfWork, actor: Actor, action: AuditAction, rows: Sequence[R], about: tuple[str, object]
    ) -> list[V]:
        """End a read of several rows found for ``about`` (subject type and id, e.g. the person's): record
        it with how many, commit, and return their views."""
        subject_type, subject_id = about
        return audited_list(
            uow,
            rows,
            lambda row: self.view(uow, row),
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
        )
