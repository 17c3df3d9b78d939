"""Domain errors. The web layer maps each kind to one HTTP status in ``web/errors.py``; the CLI to exit 2."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user can cause and be told about."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """Input that breaks a rule; names the field so the user can fix it (HTTP 422, CLI exit 2)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class NotFound(DomainError):
    """A record that does not exist, or that the actor may not know exists (HTTP 404)."""


class NotAuthenticated(DomainError):
    """No valid login (HTTP 401)."""


class PermissionDenied(DomainError):
    """Logged in, but the role does not allow this (HTTP 403); the attempt is audited."""


class Conflict(DomainError):
    """The record changed since it was read, or the action clashes with its state (HTTP 409)."""


class InvalidTransition(Conflict):
    """A state change that the record's current state does not allow."""
