"""Errors of the documents sub-area."""

from __future__ import annotations

from onestop.common.errors import Conflict, NotFound


class DocumentNotFound(NotFound):
    """No document with that id."""


class DocumentCorrupted(Conflict):
    """The stored bytes no longer match the SHA-256 recorded at upload; an operator must look."""
