"""Builders for case-work tests: offices, staff rows and the actors they act as, people.

Staff rows are inserted directly (no Argon2 hashing: these tests never log in with a password), so a
test can make a handful of officers cheaply. Functional API tests reuse these and issue tokens.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onestop.access import Actor, Office, Role, Staff, actor_of, create_office
from onestop.bootstrap import Container
from onestop.registry import register_person
from onestop.registry.schemas import DuplicateDecision, PersonCreate

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SYSTEM = Actor.system("tests")
_numbers = itertools.count(1)
_GIVEN = ["Amélie", "Joseph", "Nadia", "Omar", "Claire", "Tomás", "Mei", "Liam", "Aroha", "Sven"]
_FAMILY = [
    "Tremblay",
    "Okafor",
    "Nguyen",
    "Gagnon",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Dubois",
    "Singh",
    "Ortiz",
]


@dataclass(frozen=True)
class Worker:
    """A staff member and the actor they act as."""

    staff: Staff
    actor: Actor

    @property
    def id(self) -> uuid.UUID:
        """The staff id."""
        return self.staff.id


def make_office(container: Container, code: str | None = None, name: str = "Edmonton Central") -> Office:
    """An office with a unique code."""
    code = code or f"OFF-{next(_numbers):03d}"
    return create_office(container.uow(), actor=SYSTEM, code=code, name=name)


def make_worker(
    container: Container, *roles: Role, office: Office | None = None, username: str | None = None
) -> Worker:
    """A staff row with these roles (officer by default) in this office."""
    uow = container.uow()
    with uow:
        staff = Staff(
            username=username or f"worker{next(_numbers)}",
            display_name="Test Worker",
            password_hash="!",  # cannot log in with a password
            role_names=sorted(r.value for r in (roles or (Role.OFFICER,))),
            office_id=office.id if office is not None else None,
            active=True,
            failed_logins=0,
            created_at=container.clock.now(),
        )
        uow.session.add(staff)
        uow.commit()
    return Worker(staff, actor_of(staff))


def make_person(
    container: Container, given: str | None = None, family: str | None = None, born: dt.date | None = None
) -> uuid.UUID:
    """Register a person through the registry (a 'new person' decision, so look-alikes are allowed)."""
    n = next(_numbers)
    data = PersonCreate(
        given_names=given or _GIVEN[n % len(_GIVEN)],
        family_name=family or _FAMILY[(n // len(_GIVEN)) % len(_FAMILY)],
        birth_date=born or dt.date(1970 + n % 40, 1 + n % 12, 1 + n % 28),
    )
    decision = DuplicateDecision(decision="new_person", reason="test seed")
    return register_person(container.uow(), actor=SYSTEM, data=data, duplicate_decision=decision).id


def api_client(container: Container, worker: Worker) -> TestClient:
    """A client of the whole app with a bearer token of this worker (use it as a context manager)."""
    from fastapi.testclient import TestClient

    from onestop.access import issue_token
    from onestop.web.app import create_app

    client = TestClient(create_app(container))
    client.headers["Authorization"] = f"Bearer {issue_token(container.uow(), staff=worker.staff)}"
    return client
