"""Optimistic locking: a change names the version it read, and loses if someone changed it since."""

from __future__ import annotations

from onestop.common.errors import Conflict


def expect_version(current: int, given: int | None, *, what: str) -> None:
    """Optimistic lock at the edge: the client must have read the version it is changing."""
    if given is not None and given != current:
        raise Conflict(f"the {what} was changed by someone else (version {current}, not {given}); reload it")
