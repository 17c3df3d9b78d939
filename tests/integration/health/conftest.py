"""The case-work fixtures (an office with its staff, a person) for the health tests."""

from tests.integration.cases.conftest import person, team

__all__ = ["person", "team"]
