"""Records the staff-page tests start from, made through the owning areas' services."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop.access import Actor, Role, create_staff, get_staff_by_username
from onestop.bootstrap import Container
from onestop.registry import register_person
from onestop.registry.schemas import DuplicateDecision, PersonCreate, PersonPublic

SYSTEM = Actor.system("tests")


def person(
    container: Container,
    given: str = "Marie",
    family: str = "Tremblay",
    born: dt.date = dt.date(1984, 7, 31),
    **extra: object,
) -> PersonPublic:
    """A registered person; a likely duplicate is registered anyway (as a deliberate new person)."""
    data = PersonCreate(given_names=given, family_name=family, birth_date=born, **extra)  # type: ignore[arg-type]
    decision = DuplicateDecision(decision="new_person", reason="test data")
    return register_person(container.uow(), actor=SYSTEM, data=data, duplicate_decision=decision)


def staff_id(container: Container, username: str) -> uuid.UUID:
    """The id of a staff account."""
    return get_staff_by_username(container.uow(), actor=SYSTEM, username=username).id


def staff(container: Container, username: str, roles: set[Role], password: str, name: str = "") -> uuid.UUID:
    """Another staff account of the first office (none when there is none)."""
    created = create_staff(
        container.uow(),
        actor=SYSTEM,
        username=username,
        display_name=name or username.title(),
        password=password,
        roles=roles,
        office_id=None,
    )
    return created.id
