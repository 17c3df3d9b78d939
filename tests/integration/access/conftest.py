"""Fixtures for the access tests: cheap password hashing, and a small office with its staff."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher, profiles

from onestop import access
from onestop.access import passwords
from onestop.access.permissions import Actor, Role
from onestop.bootstrap import Container

PASSWORD = "Correct-horse-42"
SYSTEM = Actor.system("test")


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Argon2 at its cheapest: the tests check behaviour, not the cost parameters."""
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher.from_parameters(profiles.CHEAPEST))
    yield


def make_staff(container: Container, username: str, *roles: Role, password: str = PASSWORD) -> access.Staff:
    """A staff account with the given roles."""
    return access.create_staff(
        container.uow(),
        actor=SYSTEM,
        username=username,
        display_name=username.title(),
        password=password,
        roles=set(roles) or {Role.OFFICER},
        office_id=None,
    )
