"""Actors and a person factory for registry integration tests."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from onestop.access.permissions import Actor, Role
from onestop.bootstrap import Container
from onestop.registry import register_person
from onestop.registry.schemas import DuplicateDecision, PersonCreate, PersonPublic


@pytest.fixture
def officer() -> Actor:
    """A front-line officer (no merge permission)."""
    return Actor.for_roles(uuid.uuid4(), "officer1", frozenset({Role.OFFICER}))


@pytest.fixture
def supervisor() -> Actor:
    """A supervisor (may merge)."""
    return Actor.for_roles(uuid.uuid4(), "super1", frozenset({Role.SUPERVISOR}))


@pytest.fixture
def finance() -> Actor:
    """Finance staff: may read names, not identifiers."""
    return Actor.for_roles(uuid.uuid4(), "finance1", frozenset({Role.FINANCE}))


PersonFactory = Callable[..., PersonPublic]


@pytest.fixture
def make_person(container: Container, officer: Actor) -> PersonFactory:
    """Register a person (decision 'new_person' recorded, so near-duplicates can be seeded)."""

    def make(
        given: str = "John", family: str = "Smith", born: dt.date | None = dt.date(1980, 5, 17), **kw: Any
    ) -> PersonPublic:
        data = PersonCreate(given_names=given, family_name=family, birth_date=born, **kw)
        decision = DuplicateDecision(decision="new_person", reason="test seed")
        return register_person(container.uow(), actor=officer, data=data, duplicate_decision=decision)

    return make
