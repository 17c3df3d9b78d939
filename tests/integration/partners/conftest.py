"""The case-work fixtures (an office with its staff, a person) for the partners tests."""

from __future__ import annotations

from tests.integration.cases.conftest import person, team

__all__ = ["person", "team"]
