"""``read_one``: the shape every sub-area's ``get_*`` use case had written out (may read case files,
find the row by id, record the read against it, return its view).

A module of ``onestop.cases`` itself, not a sub-area: it imports no sub-area, so each may use it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.db import UnitOfWork


class _Row(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


R = TypeVar("R", bound=_Row)
R_co = TypeVar("R_co", bound=_Row, covariant=True)
V = TypeVar("V")


class Finds(Protocol[R_co]):
    """A repository: ``get`` finds a row by id or raises the sub-area's not-found error."""

    def get(self, row_id: uuid.UUID, /) -> R_co: ...


def read_one(
    uow: UnitOfWork,
    actor: Actor,
    subject: audit.Subject[R, V],
    action: AuditAction,
    repository: Callable[[Session], Finds[R]],
    row_id: uuid.UUID,
) -> V:
    """One record for someone who may read case files; the permission is checked (a refusal audited)
    before the row is looked up, as each ``get_*`` did."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=subject.subject_type, subject_id=row_id)
        return subject.read(uow, actor, action, repository(uow.session).get(row_id))
