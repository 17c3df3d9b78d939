"""The case-work fixtures (an office with its staff, a person) for the health tests; and no random
second check of a new officer's issuances (money samples 20% of them by a hash of a random id), so
the states the tests expect are deterministic."""

from __future__ import annotations

import pytest

from onestop import money
from tests.integration.cases.conftest import person, team

__all__ = ["person", "team"]


@pytest.fixture(autouse=True)
def no_second_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new officer's issuances are not sampled for a second check in these tests."""
    monkeypatch.setattr(money.domain, "sampled_for_second_check", lambda issuance_id, share: False)
