"""Errors of the screening interview sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class ScreeningNotFound(NotFound):
    """No screening interview with that id."""
