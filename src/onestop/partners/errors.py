"""Errors of the partners area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class SponsorNotFound(NotFound):
    """No sponsor with that id."""


class ProjectNotFound(NotFound):
    """No project with that id."""


class InquiryNotFound(NotFound):
    """No inquiry with that id."""


class TrainingNotFound(NotFound):
    """No training with that id."""


class AttendanceNotFound(NotFound):
    """No attendance record with that id."""


class ShiftNotFound(NotFound):
    """No on-call shift with that id."""


class CallNotFound(NotFound):
    """No after-hours contact with that id."""
