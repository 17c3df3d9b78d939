"""Errors of client accounts."""

from __future__ import annotations

from onestop.common.errors import NotAuthenticated, NotFound


class ClientLoginFailed(NotAuthenticated):
    """Wrong e-mail or password, or an address not verified yet (the same message for all three)."""


class NotYourRecord(NotFound):
    """A record that is not the signed-in client's (reported as not found, so nothing leaks)."""
