"""Errors of the partners area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class SponsorNotFound(NotFound):
    """No sponsor with that id."""


class ProjectNotFound(NotFound):
    """No project with that id."""


class InquiryNotFound(NotFound):
    """No inquiry with that id."""
