"""Errors of the privacy area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class RequestNotFound(NotFound):
    """No privacy request with this id."""


class HoldNotFound(NotFound):
    """No legal hold with this id."""
