"""Errors of the investigations sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class InvestigationNotFound(NotFound):
    """No investigation with that id (or the actor may not see it)."""
