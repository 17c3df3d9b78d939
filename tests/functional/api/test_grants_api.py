"""/api/staff/grants over HTTP (issue 10, part 8): 403 for one's own request and the system's
approval, 409 when already decided, 422 naming the field; refusals audited as denied."""

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

NEW_SUPERVISOR = {
    "username": "sam",
    "display_name": "Sam Super",
    "password": "Welcome-to-the-team-1",
    "roles": ["supervisor", "auditor"],
}


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container)) as test_client:
        yield test_client


def _headers(client: TestClient, username: str) -> dict[str, str]:
    token = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@pytest.fixture
def admins(client: TestClient, container: Container) -> tuple[dict[str, str], dict[str, str]]:
    """anna (the bootstrap) and ben, whose role the operator asked for and anna approved over HTTP."""
    make_staff(container, "anna", Role.ADMINISTRATOR)
    ben = make_staff(container, "ben", Role.ADMINISTRATOR)
    anna = _headers(client, "anna")
    [grant] = client.get("/api/staff/grants", params={"staff_id": str(ben.id)}, headers=anna).json()
    assert (grant["role"], grant["requested_by"]) == ("administrator", "test")
    assert client.post(f"/api/staff/grants/{grant['id']}/approve", headers=anna).status_code == 200
    return anna, _headers(client, "ben")


def test_a_new_supervisor_waits_for_a_second_administrator(
    client: TestClient, container: Container, admins: tuple[dict[str, str], dict[str, str]]
) -> None:
    anna, ben = admins
    created = client.post("/api/staff", json=NEW_SUPERVISOR, headers=anna)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["roles"], body["pending_roles"]) == (["auditor"], ["supervisor"])
    [grant] = client.get("/api/staff/grants", headers=ben).json()
    own = client.post(f"/api/staff/grants/{grant['id']}/approve", json={"note": "me"}, headers=anna)
    assert own.status_code == 403 and "you asked for this grant" in own.json()["detail"]
    assert client.get(f"/api/staff/{body['id']}", headers=anna).json()["roles"] == ["auditor"]
    ok = client.post(f"/api/staff/grants/{grant['id']}/approve", json={"note": "HR ok"}, headers=ben)
    assert ok.status_code == 200 and ok.json()["state"] == "approved" and ok.json()["decided_by"] == "ben"
    account = client.get(f"/api/staff/{body['id']}", headers=anna).json()
    assert (account["roles"], account["pending_roles"]) == (["auditor", "supervisor"], [])
    again = client.post(f"/api/staff/grants/{grant['id']}/refuse", json={"reason": "late"}, headers=anna)
    assert again.status_code == 409 and "already decided" in again.json()["detail"]
    with container.uow() as uow:
        denied = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.outcome == "denied", AuditEvent.action.like("staff:grant%"))
        ).all()
        assert [(e.action, e.actor_username) for e in denied] == [
            ("staff:grant_approve", "anna"),
            ("staff:grant_refuse", "anna"),
        ]


def test_asking_for_a_role_and_refusing_it(
    client: TestClient, container: Container, admins: tuple[dict[str, str], dict[str, str]]
) -> None:
    anna, ben = admins
    olive = make_staff(container, "olive", Role.AUDITOR)
    url = f"/api/staff/{olive.id}/grants"
    bad = client.post(url, json={"role": "wizard", "reason": "x"}, headers=anna)
    assert bad.status_code == 422 and bad.json()["field"] == "role"
    blank = client.post(url, json={"role": "finance", "reason": ""}, headers=anna)
    assert blank.status_code == 422 and blank.json()["field"] == "reason"
    asked = client.post(url, json={"role": "finance", "reason": "Covers payment runs"}, headers=anna)
    assert asked.status_code == 201 and asked.json()["state"] == "pending"
    twice = client.post(url, json={"role": "finance", "reason": "again"}, headers=ben)
    assert twice.status_code == 409 and "already waiting" in twice.json()["detail"]
    grant_id = asked.json()["id"]
    no_reason = client.post(f"/api/staff/grants/{grant_id}/refuse", json={"reason": " "}, headers=ben)
    assert no_reason.status_code == 422 and no_reason.json()["field"] == "reason"
    refused = client.post(
        f"/api/staff/grants/{grant_id}/refuse", json={"reason": "Not in finance"}, headers=ben
    )
    assert refused.status_code == 200 and refused.json()["state"] == "refused"
    assert client.get(f"/api/staff/{olive.id}", headers=anna).json()["roles"] == ["auditor"]
    history = client.get("/api/staff/grants", params={"state": "refused"}, headers=anna).json()
    assert [(g["username"], g["role"], g["decision_note"]) for g in history] == [
        ("olive", "finance", "Not in finance")
    ]


def test_only_administrators_decide(
    client: TestClient, container: Container, admins: tuple[dict[str, str], dict[str, str]]
) -> None:
    anna, _ben = admins
    carl = make_staff(container, "carl", Role.AUDITOR)
    asked = client.post(f"/api/staff/{carl.id}/grants", json={"role": "officer", "reason": "r"}, headers=anna)
    auditor = _headers(client, "carl")
    refused = client.post(f"/api/staff/grants/{asked.json()['id']}/approve", headers=auditor)
    assert refused.status_code == 403 and "staff:write" in refused.json()["detail"]
    assert client.get("/api/staff/grants", headers=auditor).status_code == 200  # staff:read
    assert client.get("/api/staff/grants", params={"state": "odd"}, headers=anna).json()["field"] == "state"


def test_anyone_still_reads_their_own_account(
    client: TestClient, container: Container, admins: tuple[dict[str, str], dict[str, str]]
) -> None:
    olive = make_staff(container, "olive", Role.AUDITOR)
    carl = make_staff(container, "carl")  # asked for by the operator: waits for an administrator
    assert carl.role_names == []
    headers = _headers(client, "carl")
    own = client.get(f"/api/staff/{carl.id}", headers=headers)
    assert own.status_code == 200 and own.json()["roles"] == [] and own.json()["pending_roles"] == []
    assert client.get(f"/api/staff/{olive.id}", headers=headers).status_code == 403
