"""``to_change``: the health record a use case is about to change, checked as every change checks it."""

from __future__ import annotations

import uuid

from onestop.access import Actor, Permission, require
from onestop.db import UnitOfWork, expect_version
from onestop.health.repository import HealthRepository, T, what_of


def to_change(
    uow: UnitOfWork, actor: Actor, model: type[T], row_id: uuid.UUID, version: int | None, subject_type: str
) -> T:
    """The row, once the actor may change case records (refused and audited otherwise), locked for the
    change, at the version the actor read."""
    require(uow, actor, Permission.CASE_WRITE, subject_type=subject_type, subject_id=row_id)
    row = HealthRepository(uow.session).get(model, row_id, for_update=True)
    expect_version(row.version, version, what=what_of(model))
    return row
