"""Errors of the registry area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onestop.common.errors import Conflict, NotFound

if TYPE_CHECKING:
    from onestop.registry.schemas import DuplicateMatch


class PersonNotFound(NotFound):
    """No person with that id."""


class UnitNotFound(NotFound):
    """No benefit unit with that id."""


class RecordNotFound(NotFound):
    """No contact, identifier, flag, consent or membership with that id on that person or unit."""


class LikelyDuplicates(Conflict):
    """Registration stopped: people who may be the same person already exist (HTTP 409 with the matches).

    The officer looks at them first, then registers again with a recorded decision.
    """

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        super().__init__(
            f"{len(matches)} possible duplicate(s) found; review them and record a decision "
            "('new_person' with a reason, or 'link' to an existing person)"
        )
        self.matches = matches


class AlreadyMerged(Conflict):
    """The record is already merged into another (or merging would make a cycle)."""
