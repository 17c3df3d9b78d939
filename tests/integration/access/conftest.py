"""Fixtures for the access tests."""

from __future__ import annotations

import pytest

from onestop.access import passwords
from tests.integration.access.factories import CHEAP_HASHER


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters for speed."""
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)
