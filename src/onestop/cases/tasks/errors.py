"""Errors of the tasks and caseloads sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class TaskNotFound(NotFound):
    """No task with that id."""


class AssignmentNotFound(NotFound):
    """The person has no current primary worker."""
