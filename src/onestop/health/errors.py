"""Errors of the health area."""

from __future__ import annotations

from onestop.common.errors import InvalidInput, NotFound


class HealthRecordNotFound(NotFound):
    """No coverage, card, authorization, costing or claim with that id."""


class NoCoverage(InvalidInput):
    """The person has no coverage of the kind the card, authorization or claim needs (HTTP 422)."""

    def __init__(self, problem: str, field: str = "person_id") -> None:
        super().__init__(field, problem)
