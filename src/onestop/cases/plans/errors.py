"""Errors of the assessments and plans sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class PlanNotFound(NotFound):
    """No outcome plan (or no such revision of it)."""


class AssessmentNotFound(NotFound):
    """No service-level assessment with that id."""


class FontMissingError(RuntimeError):
    """No Unicode TrueType font to print with (install fonts-dejavu-core): an operator problem."""
