"""Errors of the reviews sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class ReviewNotFound(NotFound):
    """No review with that id."""
