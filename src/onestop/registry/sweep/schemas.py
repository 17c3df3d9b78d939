"""What the sweep's services return: suggestions with both people (masked), and a run's figures."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel

from onestop.registry.schemas import PersonSummary


class Evidence(BaseModel):
    """How one field compared, and how much that counted (log2 of the odds it adds)."""

    field: str
    level: str
    weight: float


class Suggestion(BaseModel):
    """Two records the sweep thinks may be one person, for an officer to decide."""

    id: uuid.UUID
    person_a: PersonSummary
    person_b: PersonSummary
    probability: float
    match_weight: float
    evidence: list[Evidence]
    status: str
    run_id: uuid.UUID
    found_at: dt.datetime
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    decision_reason: str | None = None

    @property
    def percent(self) -> int:
        """The probability as a whole percentage, for people; 99 at most unless it is certain."""
        value = round(100 * self.probability)
        return 99 if value == 100 and self.probability < 1 else value


class SuggestionPage(BaseModel):
    """One page of the queue."""

    items: list[Suggestion]
    total: int
    status: str
    limit: int
    offset: int


class SweepReport(BaseModel):
    """What a sweep run did."""

    run_id: uuid.UUID
    people: int
    suggested: int
    new: int
    refreshed: int
    already_decided: int
    withdrawn: int
    seconds: dict[str, float]
