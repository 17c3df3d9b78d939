"""Errors of the appeals sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class AppealNotFound(NotFound):
    """No appeal with that id."""
