"""Test factories for staff accounts, shared by the access integration and API tests."""

from __future__ import annotations

from argon2 import PasswordHasher, profiles

from onestop import access
from onestop.access.permissions import Actor, Role
from onestop.bootstrap import Container

PASSWORD = "Correct-horse-42"
SYSTEM = Actor.system("test")
#: Argon2 at its cheapest: tests check behaviour, not the cost parameters (install with monkeypatch).
CHEAP_HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)


def make_staff(container: Container, username: str, *roles: Role, password: str = PASSWORD) -> access.Staff:
    """A staff account with the given roles (an officer when none are given)."""
    return access.create_staff(
        container.uow(),
        actor=SYSTEM,
        username=username,
        display_name=username.title(),
        password=password,
        roles=set(roles) or {Role.OFFICER},
        office_id=None,
    )
