"""/api/audit over HTTP: auditors read and verify the trail; tampering shows; others get 403, audited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from onestop.access import passwords
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from onestop.web.app import create_app
from tests.dbadmin import audit_triggers_off
from tests.integration.access.factories import CHEAP_HASHER, PASSWORD, make_staff


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters for speed."""
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    """A client with an auditor's token, and an officer account."""
    make_staff(container, "audrey", Role.AUDITOR)
    make_staff(container, "olive", Role.OFFICER)
    with TestClient(create_app(container)) as test_client:
        token = test_client.post("/api/auth/token", data={"username": "audrey", "password": PASSWORD})
        test_client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield test_client


def test_events_for_one_subject_newest_first(client: TestClient) -> None:
    olive = next(s for s in client.get("/api/staff").json() if s["username"] == "olive")
    response = client.get("/api/audit/events", params={"subject_type": "staff", "subject_id": olive["id"]})
    assert response.status_code == 200
    events = response.json()
    assert [e["action"] for e in events] == ["staff:create"]
    event = events[0]
    assert (event["subject_id"], event["actor_username"], event["outcome"]) == (olive["id"], "test", "ok")
    assert len(event["hash"]) == 64 and len(event["prev_hash"]) == 64


def test_empty_filters_mean_no_filter(client: TestClient) -> None:
    response = client.get("/api/audit/events", params={"subject_type": "", "subject_id": ""})
    assert response.status_code == 200 and len(response.json()) >= 3


def test_reading_the_trail_is_itself_audited(client: TestClient) -> None:
    client.get("/api/audit/events", params={"limit": 1})
    newest = client.get("/api/audit/events", params={"limit": 1}).json()[0]
    assert (newest["action"], newest["actor_username"], newest["details"]) == (
        "audit:read",
        "audrey",
        {"limit": 1, "returned": 1},
    )


def test_limit_is_checked(client: TestClient) -> None:
    response = client.get("/api/audit/events", params={"limit": 0})
    assert response.status_code == 422 and response.json()["field"] == "limit"


def test_verify_reports_ok_then_the_tampered_event(client: TestClient, container: Container) -> None:
    first = client.get("/api/audit/verify")
    assert first.status_code == 200
    assert first.json() == {
        "ok": True,
        "checked": first.json()["checked"],
        "first_broken_seq": None,
        "reason": "ok",
    }
    with container.uow() as uow, audit_triggers_off(uow.session.connection()):  # as a database admin could
        uow.session.execute(text("UPDATE audit_event SET actor_username = 'mallory' WHERE seq = 2"))
        uow.commit()
    broken = client.get("/api/audit/verify").json()
    assert (broken["ok"], broken["first_broken_seq"]) == (False, 2)
    assert "altered" in broken["reason"]


def test_an_officer_is_refused_and_the_refusal_is_in_the_trail(client: TestClient) -> None:
    officer = client.post("/api/auth/token", data={"username": "olive", "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {officer['access_token']}"}
    assert client.get("/api/audit/events", headers=headers).status_code == 403
    assert client.get("/api/audit/verify", headers=headers).status_code == 403
    denied = [e for e in client.get("/api/audit/events").json() if e["outcome"] == "denied"]
    assert [(e["action"], e["actor_username"]) for e in denied] == [
        ("audit:verify", "olive"),
        ("audit:read", "olive"),
    ]
