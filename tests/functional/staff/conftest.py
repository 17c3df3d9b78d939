"""Staff pages over HTTP: an app around the test container, an office and an officer who can sign in."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from onestop.access import Actor, Role, create_office, create_staff
from onestop.bootstrap import Container
from onestop.cases.applications import ApplicationCreate, create_application
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from onestop.web.app import create_app
from tests.functional.staff.factories import SYSTEM, person

PASSWORD = "Correct-horse-42"
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


@dataclass(frozen=True)
class Officer:
    """A signed-up officer: what the tests type into the sign-in form."""

    username: str
    password: str
    display_name: str
    office_name: str


@pytest.fixture
def officer(container: Container) -> Officer:
    """An officer of the Edmonton Central office."""
    system = Actor.system("tests")
    office = create_office(container.uow(), actor=system, code="EDM-01", name="Edmonton Central")
    create_staff(
        container.uow(),
        actor=system,
        username="amartin",
        display_name="Alice Martin",
        password=PASSWORD,
        roles={Role.OFFICER},
        office_id=office.id,
    )
    return Officer("amartin", PASSWORD, "Alice Martin", "Edmonton Central")


@pytest.fixture
def app(container: Container) -> FastAPI:
    """The whole app (API, staff pages, portal) around the test container."""
    return create_app(container)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser-like client that keeps cookies and does not follow redirects."""
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def csrf_token(client: TestClient, path: str = "/staff/login") -> str:
    """The session's CSRF token, as a page gives it."""
    match = _CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str, **extra: str) -> Response:
    """Submit the sign-in form as a browser would."""
    token = csrf_token(client)
    return client.post(
        "/staff/login", data={"username": username, "password": password, "csrf_token": token, **extra}
    )


@pytest.fixture
def signed_in(client: TestClient, officer: Officer) -> TestClient:
    """A client whose session belongs to the officer."""
    response = sign_in(client, officer.username, officer.password)
    assert response.status_code == 303, response.text
    return client


@pytest.fixture
def application(container: Container) -> uuid.UUID:
    """A received application for Income Support, nothing recorded yet."""
    marie = person(container)
    member = MemberIn(person_id=marie.id, role="applicant", joined_on=container.clock.today())
    unit = create_unit(container.uow(), actor=SYSTEM, data=UnitCreate(members=[member]))
    data = ApplicationCreate(program="ab.income_support", unit_id=unit.id)
    return create_application(container.uow(), actor=SYSTEM, data=data).id
