"""/api/auth over HTTP: token login (OAuth2 password form), lockout, logout, and 401 without a valid token."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.access import passwords
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from onestop.common.clock import FixedClock
from onestop.web.app import create_app
from tests.integration.access.factories import CHEAP_HASHER, PASSWORD, make_staff

PROTECTED = [
    ("GET", "/api/staff/me"),
    ("GET", "/api/staff"),
    ("POST", "/api/staff"),
    ("GET", "/api/offices"),
    ("POST", "/api/offices"),
    ("GET", "/api/audit/events"),
    ("GET", "/api/audit/verify"),
    ("POST", "/api/auth/logout"),
]


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters for speed."""
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    """An anonymous client, with an officer account to log in as."""
    make_staff(container, "olive", Role.OFFICER)
    with TestClient(create_app(container)) as test_client:
        yield test_client


def _login(client: TestClient, username: str = "olive", password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_login_gives_a_bearer_token_that_works(client: TestClient, clock: FixedClock) -> None:
    response = client.post("/api/auth/token", data={"username": "OLIVE", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and len(body["access_token"]) >= 43
    assert dt.datetime.fromisoformat(body["expires_at"]) == clock.now() + dt.timedelta(hours=8)
    me = client.get("/api/staff/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert (me.json()["username"], me.json()["roles"]) == ("olive", ["officer"])
    assert "password_hash" not in me.json()


@pytest.mark.parametrize(("username", "password"), [("olive", "wrong-password-1"), ("nobody", PASSWORD)])
def test_a_bad_login_is_401_without_saying_which_part_was_wrong(
    client: TestClient, username: str, password: str
) -> None:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong username or password"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_login_form_without_a_password_is_422_naming_it(client: TestClient) -> None:
    response = client.post("/api/auth/token", data={"username": "olive"})
    assert response.status_code == 422
    assert response.json()["field"] == "password"


def test_lockout_after_the_configured_failures(
    client: TestClient, container: Container, clock: FixedClock
) -> None:
    limit = container.settings.login_max_failures
    for _ in range(limit):
        response = client.post("/api/auth/token", data={"username": "olive", "password": "wrong-password-1"})
    assert response.status_code == 401
    assert "locked" in response.json()["detail"]
    locked = client.post("/api/auth/token", data={"username": "olive", "password": PASSWORD})
    assert locked.status_code == 401 and "account locked" in locked.json()["detail"]
    clock.advance(dt.timedelta(minutes=container.settings.login_lockout_minutes))
    assert client.post("/api/auth/token", data={"username": "olive", "password": PASSWORD}).status_code == 200


def test_logout_revokes_the_token(client: TestClient) -> None:
    headers = _login(client)
    other = _login(client)
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/staff/me", headers=headers).status_code == 401
    assert client.post("/api/auth/logout", headers=headers).status_code == 401
    assert client.get("/api/staff/me", headers=other).status_code == 200


def test_an_expired_token_is_401(client: TestClient, clock: FixedClock) -> None:
    headers = _login(client)
    clock.advance(dt.timedelta(hours=8))
    response = client.get("/api/staff/me", headers=headers)
    assert response.status_code == 401 and "expired" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic b2xpdmU6eA==", "Bearer "])
def test_every_route_needs_a_valid_token(
    client: TestClient, method: str, path: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = client.request(method, path, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
