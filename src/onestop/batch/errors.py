"""Errors of caseload runs."""

from __future__ import annotations

import uuid

from onestop.common.errors import NotFound


class BatchRunNotFound(NotFound):
    """No run with this id."""

    def __init__(self, run_id: uuid.UUID) -> None:
        super().__init__(f"batch run {run_id} not found")
        self.run_id = run_id
