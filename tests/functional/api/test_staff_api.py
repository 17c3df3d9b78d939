"""/api/staff and /api/offices over HTTP: who may do what, 422 naming the field, 403 audited as denied."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.access import passwords
from onestop.access.permissions import Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from onestop.web.app import create_app
from tests.integration.access.factories import CHEAP_HASHER, PASSWORD, make_staff

NEW_STAFF = {
    "username": "NewHire",
    "display_name": "New Hire",
    "password": "Welcome-to-the-team-1",
    "roles": ["officer"],
    "email": "new.hire@example.org",
}


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters for speed."""
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    """A client with no token; tests log in as a role with ``as_role``."""
    with TestClient(create_app(container)) as test_client:
        yield test_client


def as_role(client: TestClient, container: Container, role: Role) -> dict[str, str]:
    """Create a staff member with ``role``, log in and return the Authorization header."""
    username = f"{role.value}1"
    make_staff(container, username, role)
    response = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _denied(container: Container) -> list[tuple[str, str, str]]:
    with container.uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.actor_username, AuditEvent.outcome).where(
                AuditEvent.outcome == "denied"
            )
        ).all()
    return [tuple(r) for r in rows]


def test_an_administrator_opens_an_office_and_an_account(client: TestClient, container: Container) -> None:
    admin = as_role(client, container, Role.ADMINISTRATOR)
    office = client.post("/api/offices", json={"code": "edm-01", "name": "Edmonton North"}, headers=admin)
    assert office.status_code == 201
    assert office.json()["code"] == "EDM-01"
    created = client.post("/api/staff", json=NEW_STAFF | {"office_id": office.json()["id"]}, headers=admin)
    assert created.status_code == 201, created.text
    body = created.json()
    # The officer role reads client files: it waits for a second administrator (issue 10, part 8).
    assert (body["username"], body["roles"], body["pending_roles"], body["office_code"], body["active"]) == (
        "newhire",
        [],
        ["officer"],
        "EDM-01",
        True,
    )
    assert "password" not in body and "password_hash" not in body
    assert [o["code"] for o in client.get("/api/offices", headers=admin).json()] == ["EDM-01"]
    usernames = [s["username"] for s in client.get("/api/staff", headers=admin).json()]
    assert usernames == ["administrator1", "newhire"]
    assert client.get(f"/api/staff/{body['id']}", headers=admin).json()["email"] == "new.hire@example.org"
    login = client.post("/api/auth/token", data={"username": "newhire", "password": NEW_STAFF["password"]})
    assert login.status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"password": "short"}, "password"),
        ({"password": "onlylowercaseletters"}, "password"),
        ({"roles": ["wizard"]}, "roles"),
        ({"roles": []}, "roles"),
        ({"username": "has space"}, "username"),
        ({"email": "nope"}, "email"),
        ({"office_id": "not-a-uuid"}, "office_id"),
        ({"office_id": "00000000-0000-0000-0000-000000000007"}, "office_id"),
        ({"display_name": None}, "display_name"),
    ],
)
def test_bad_staff_input_is_422_naming_the_field(
    client: TestClient, container: Container, change: dict[str, object], field: str
) -> None:
    admin = as_role(client, container, Role.ADMINISTRATOR)
    response = client.post("/api/staff", json=NEW_STAFF | change, headers=admin)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert [s["username"] for s in client.get("/api/staff", headers=admin).json()] == ["administrator1"]


def test_a_taken_username_is_409(client: TestClient, container: Container) -> None:
    admin = as_role(client, container, Role.ADMINISTRATOR)
    assert client.post("/api/staff", json=NEW_STAFF, headers=admin).status_code == 201
    again = client.post("/api/staff", json=NEW_STAFF | {"username": "NEWHIRE"}, headers=admin)
    assert again.status_code == 409 and "taken" in again.json()["detail"]


def test_a_wrong_role_gets_403_and_the_attempt_is_audited(client: TestClient, container: Container) -> None:
    officer = as_role(client, container, Role.OFFICER)
    response = client.post("/api/staff", json=NEW_STAFF, headers=officer)
    assert response.status_code == 403
    assert "staff:write" in response.json()["detail"]
    assert _denied(container) == [("staff:write", "officer1", "denied")]
    assert client.post("/api/offices", json={"code": "X", "name": "X"}, headers=officer).status_code == 403
    assert len(_denied(container)) == 2


# (method, path, body) -> the roles that get 2xx; every other role gets 403.
ROUTES = [
    ("GET", "/api/staff", None, {Role.SUPERVISOR, Role.ADMINISTRATOR, Role.AUDITOR}),
    ("POST", "/api/staff", NEW_STAFF, {Role.ADMINISTRATOR}),
    ("GET", "/api/offices", None, {Role.SUPERVISOR, Role.ADMINISTRATOR, Role.AUDITOR}),
    ("POST", "/api/offices", {"code": "NL-1", "name": "St. John's"}, {Role.ADMINISTRATOR}),
    ("GET", "/api/audit/events", None, {Role.AUDITOR}),
    ("GET", "/api/audit/verify", None, {Role.AUDITOR}),
    ("GET", "/api/staff/me", None, set(Role)),
]


STAFF_ROLES = [r for r in Role if r is not Role.CLIENT]  # clients are portal accounts, never staff


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_role_sees_only_what_it_may(client: TestClient, container: Container, role: Role) -> None:
    headers = as_role(client, container, role)
    got = {}
    for method, path, body, allowed in ROUTES:
        status = client.request(method, path, json=body, headers=headers).status_code
        got[(method, path)] = status
        assert status == (201 if method == "POST" else 200) if role in allowed else status == 403, (
            path,
            status,
        )
    refused = [key for key, status in got.items() if status == 403]
    assert len(_denied(container)) == len(refused)


def test_deactivating_an_account_ends_its_sessions(client: TestClient, container: Container) -> None:
    admin = as_role(client, container, Role.ADMINISTRATOR)
    officer = as_role(client, container, Role.OFFICER)
    me = client.get("/api/staff/me", headers=officer).json()
    response = client.post(f"/api/staff/{me['id']}/deactivate", headers=admin)
    assert response.status_code == 200 and response.json()["active"] is False
    assert client.get("/api/staff/me", headers=officer).status_code == 401
    assert client.post(f"/api/staff/{me['id']}/deactivate", headers=admin).status_code == 409


def test_changing_ones_own_password(client: TestClient, container: Container) -> None:
    officer = as_role(client, container, Role.OFFICER)
    me = client.get("/api/staff/me", headers=officer).json()
    url = f"/api/staff/{me['id']}/password"
    wrong = client.post(
        url, json={"new_password": "Brand-new-secret-2", "current_password": "nope"}, headers=officer
    )
    assert wrong.status_code == 422 and wrong.json()["field"] == "current_password"
    weak = client.post(url, json={"new_password": "weak", "current_password": PASSWORD}, headers=officer)
    assert weak.status_code == 422 and weak.json()["field"] == "password"
    ok = client.post(
        url, json={"new_password": "Brand-new-secret-2", "current_password": PASSWORD}, headers=officer
    )
    assert ok.status_code == 204
    assert client.get("/api/staff/me", headers=officer).status_code == 401  # tokens are revoked
    login = client.post("/api/auth/token", data={"username": "officer1", "password": "Brand-new-secret-2"})
    assert login.status_code == 200


def test_unknown_staff_is_404(client: TestClient, container: Container) -> None:
    admin = as_role(client, container, Role.ADMINISTRATOR)
    assert client.get("/api/staff/00000000-0000-0000-0000-000000000001", headers=admin).status_code == 404
