"""``Repository``: what every area's query class starts with (its session, staging a row, a row by id).

An area's repository holds its SQL; these three steps were written out in each of them. ``fetch``
raises the area's own ``NotFound`` so the message names the record the user asked for (HTTP 404).
"""

from __future__ import annotations

import uuid
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from onestop.common.errors import NotFound

M = TypeVar("M")
T = TypeVar("T")


class Repository(Generic[M]):
    """Queries over one session; ``M`` is what ``add`` stages."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: M) -> None:
        """Stage a new row (sent at the next flush)."""
        self.session.add(row)

    def fetch(
        self,
        model: type[T],
        row_id: uuid.UUID,
        not_found: type[NotFound],
        what: str,
        *,
        for_update: bool = False,
    ) -> T:
        """The row of ``model`` with this id (locked with ``for_update``); raises ``not_found``."""
        row = self.session.get(model, row_id, with_for_update=for_update or None)
        if row is None:
            raise not_found(f"no {what} with id {row_id}")
        return row
