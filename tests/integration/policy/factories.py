"""Administrators for the overlay tests, and the packs put back as published after each test."""

from __future__ import annotations

from onestop.access.models import Staff
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from tests.integration.access.factories import CHEAP_HASHER, PASSWORD

__all__ = ["GAP", "PASSWORD", "make_staff"]

GAP = "ab.aish.max_living_allowance"  # null from 2025-01-01: the published 2025 amount is missing
_HASH = CHEAP_HASHER.hash(PASSWORD)


def make_staff(container: Container, username: str, role: Role) -> Staff:
    """A staff account holding ``role`` at once (a privileged role is otherwise a grant to approve)."""
    with container.uow() as uow:
        staff = Staff(
            username=username,
            display_name=username.title(),
            password_hash=_HASH,
            role_names=[role.value],
            office_id=None,
            active=True,
            failed_logins=0,
            created_at=container.clock.now(),
        )
        uow.session.add(staff)
        uow.commit()
    return staff
