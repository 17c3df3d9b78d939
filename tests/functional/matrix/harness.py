"""What the route matrix and the schemathesis run share: one app over one seeded database, a signed-in
client per caller (each staff role, anonymous, a portal client), real ids for path parameters, and
how an answer is classed (allowed, sign-in needed, refused, server error)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from onestop.access import Actor, Role, create_office, create_staff
from onestop.bootstrap import Container, build
from onestop.cases.applications import ApplicationCreate, create_application
from onestop.common.clock import FixedClock
from onestop.config import Settings
from onestop.registry import create_unit, register_person
from onestop.registry.schemas import DuplicateDecision, MemberIn, PersonCreate, UnitCreate
from onestop.web.app import create_app

PASSWORD = "Matrix-horse-42x"
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
PREFIXES = ("/api", "/staff", "/portal")
#: The callers of the matrix: every staff role, then nobody signed in, then a portal client.
STAFF_ROLES = [r for r in Role if r is not Role.CLIENT]
ANONYMOUS, CLIENT = "anonymous", "client"
CALLERS = [r.value for r in STAFF_ROLES] + [ANONYMOUS, CLIENT]
SIGN_IN_PAGES = ("/staff/login", "/portal/account/signin")
_CSRF = re.compile(r'(?:name="csrf-token" content|name="csrf_token" value)="([^"]+)"')


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) of /api, /staff and /portal, in a stable order (HEAD is GET's twin)."""
    found = {
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        if route.path.startswith(PREFIXES)
        for method in (route.methods or ()) - {"HEAD"}
    }
    return sorted(found, key=lambda mp: (_last(mp[1]), mp[1], mp[0]))


def _last(path: str) -> bool:
    """Signing out last, so no caller loses its sign-in halfway through."""
    return any(word in path for word in ("logout", "signout"))


def answer_class(response: Response) -> str:
    """``ok`` (2xx, 3xx, a 4xx about the input), ``auth`` (401 or sent to sign in), ``deny`` (403),
    ``error`` (5xx)."""
    status = response.status_code
    location = response.headers.get("location", "")
    if status >= 500:
        return "error"
    if status == 401 or (300 <= status < 400 and location.split("?")[0] in SIGN_IN_PAGES):
        return "auth"
    if status == 403:
        return "deny"
    return "ok"


@dataclass
class World:
    """The seeded records whose ids go into paths, and a client per caller."""

    container: Container
    app: FastAPI
    ids: dict[str, str] = field(default_factory=dict)
    clients: dict[str, TestClient] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        """The path with real ids (a random uuid where nothing is seeded: a 404 once allowed)."""

        def value(match: re.Match[str]) -> str:
            name, _, _kind = match.group(1).partition(":")
            return self.ids.get(name, str(uuid.UUID(int=0xBAD)))

        return re.sub(r"\{([^}]+)\}", value, path)

    def call(self, caller: str, method: str, path: str) -> Response:
        """One request as ``caller``, with its CSRF token (so a refusal is the route's, not CSRF's)."""
        if (
            _last(path) and caller in self.csrf
        ):  # an earlier sign-out renewed it: read it again, as a page would
            self.csrf[caller] = _token(self.clients[caller], "/portal/")
        headers = {"X-CSRF-Token": self.csrf[caller]} if caller in self.csrf else {}
        return self.clients[caller].request(method, self.url(path), headers=headers)


def seeded_container(engine: Engine, var_dir: Path) -> Iterator[Container]:
    """A container over one outer transaction rolled back at the end (like the ``container`` fixture)."""
    connection = engine.connect()
    outer = connection.begin()
    factory = sessionmaker(bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint")
    settings = Settings(var_dir=var_dir, field_key=_field_key(), secret_key="matrix-secret-" + "x" * 32)
    yield build(settings, clock=FixedClock(NOW), session_factory=factory, engine=engine)
    outer.rollback()
    connection.close()


def _field_key() -> str:
    from tests.conftest import TEST_FIELD_KEY

    return TEST_FIELD_KEY


def seed(container: Container) -> dict[str, str]:
    """A person in a unit with an application and a task: ids for the paths that name them."""
    system = Actor.system("tests")
    office = create_office(container.uow(), actor=system, code="MTX-01", name="Matrix office")
    for role in STAFF_ROLES:
        create_staff(
            container.uow(),
            actor=system,
            username=f"mx-{role.value}",
            display_name=f"Matrix {role.value}",
            password=PASSWORD,
            roles={role},
            office_id=office.id,
        )
    data = PersonCreate(given_names="Marie", family_name="Matrix", birth_date=dt.date(1984, 7, 31))
    person = register_person(
        container.uow(),
        actor=system,
        data=data,
        duplicate_decision=DuplicateDecision(decision="new_person", reason="test data"),
    )
    member = MemberIn(person_id=person.id, role="applicant", joined_on=container.clock.today())
    unit = create_unit(container.uow(), actor=system, data=UnitCreate(members=[member]))
    app = create_application(
        container.uow(), actor=system, data=ApplicationCreate(unit_id=unit.id, program="ab.income_support")
    )
    ids = {"person_id": person.id, "unit_id": unit.id, "application_id": app.id, "jurisdiction": "ca-ab"}
    return {k: str(v) for k, v in ids.items()}


def world(container: Container) -> World:
    """The app, its seeded ids, and a signed-in client per caller."""
    app = create_app(container)
    w = World(container, app, seed(container))
    for role in STAFF_ROLES:
        client = TestClient(app, follow_redirects=False)
        username = f"mx-{role.value}"
        token = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
        assert token.status_code == 200, token.text
        csrf = _token(client, "/staff/login")
        signed = client.post(
            "/staff/login", data={"username": username, "password": PASSWORD, "csrf_token": csrf}
        )
        assert signed.status_code == 303, signed.text
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        w.clients[role.value], w.csrf[role.value] = client, _token(client, "/staff/")
    anonymous = TestClient(app, follow_redirects=False)
    w.clients[ANONYMOUS], w.csrf[ANONYMOUS] = anonymous, _token(anonymous, "/portal/")
    w.clients[CLIENT] = _portal_client(w)
    w.csrf[CLIENT] = _token(w.clients[CLIENT], "/portal/account")
    return w


def _portal_client(w: World) -> TestClient:
    from tests.functional.portal.conftest import PASSWORD as CLIENT_PASSWORD
    from tests.functional.portal.conftest import confirmed, sign_in

    client = TestClient(w.app, follow_redirects=False)
    confirmed(client, w.container, "matrix.client@example.org")
    assert sign_in(client, "matrix.client@example.org", password=CLIENT_PASSWORD).status_code == 303
    return client


def _token(client: TestClient, path: str) -> str:
    match = _CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)
