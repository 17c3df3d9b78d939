"""Errors of the applications sub-area."""

from __future__ import annotations

from onestop.common.errors import InvalidInput, NotFound


class ApplicationNotFound(NotFound):
    """No application with that id."""


class FactNotFound(NotFound):
    """The application has no current fact at that path."""


class DocumentNotUsable(InvalidInput):
    """A document that cannot prove this fact (not verified, another person's, another application's)."""

    def __init__(self, problem: str) -> None:
        super().__init__("document_id", problem)
