"""Errors of the interactions sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class InteractionNotFound(NotFound):
    """No interaction with that id."""
