"""/api interactions over HTTP: one-call logging, e-mail attachment, reason codes, call statistics."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.access import Office, Role
from onestop.bootstrap import Container
from onestop.web.app import create_app
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


@pytest.fixture
def office(container: Container) -> Office:
    return make_office(container)


@pytest.fixture
def office_id(office: Office) -> str:
    return str(office.id)


@pytest.fixture
def officer(container: Container, office: Office) -> Iterator[TestClient]:
    with api_client(container, make_worker(container, Role.OFFICER, office=office)) as client:
        yield client


@pytest.fixture
def supervisor(container: Container) -> Iterator[TestClient]:
    with api_client(container, make_worker(container, Role.SUPERVISOR)) as client:
        yield client


def test_logging_a_call_takes_one_request_with_two_fields(officer: TestClient, office_id: str) -> None:
    response = officer.post("/api/interactions", json={"channel": "phone", "reason_codes": ["documents"]})
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["channel"], body["outcome"], body["office_id"], body["reason_codes"]) == (
        "phone",
        "resolved",
        office_id,
        ["documents"],
    )
    assert officer.get(f"/api/interactions/{body['id']}").json()["id"] == body["id"]


def test_bad_input_is_422_naming_the_field(officer: TestClient) -> None:
    bad = officer.post("/api/interactions", json={"channel": "pigeon", "reason_codes": ["documents"]})
    assert (bad.status_code, bad.json()["field"]) == (422, "channel")
    missing = officer.post("/api/interactions", json={"channel": "phone"})
    assert (missing.status_code, missing.json()["field"]) == (422, "reason_codes")


def test_needs_a_token(container: Container) -> None:
    with TestClient(create_app(container)) as anonymous:
        assert anonymous.post("/api/interactions", json={}).status_code == 401


def test_an_email_is_attached_once_with_the_version_read(officer: TestClient, container: Container) -> None:
    person = make_person(container)
    mail = officer.post(
        "/api/interactions/emails", json={"sender": "client@example.org", "subject": "Help", "body": "Hi"}
    ).json()
    waiting = officer.get("/api/interactions/emails/unattached").json()
    assert [m["id"] for m in waiting] == [mail["id"]]
    attach = {"person_id": str(person), "version": mail["version"], "reason_codes": ["general_information"]}
    assert officer.post(f"/api/interactions/{mail['id']}/attach", json=attach).status_code == 200
    stale = officer.post(f"/api/interactions/{mail['id']}/attach", json=attach)
    assert stale.status_code == 409
    page = officer.get(f"/api/people/{person}/interactions").json()
    assert (page["total"], page["items"][0]["email_subject"]) == (1, "Help")


def test_reason_codes_and_statistics(officer: TestClient, supervisor: TestClient) -> None:
    codes = officer.get("/api/interaction-reasons").json()
    assert {"code": "documents", "label_en": "Documents", "label_fr": "Documents", "active": True} in codes
    assert (
        officer.put(
            "/api/interaction-reasons", json={"code": "x_y", "label_en": "X", "label_fr": "X"}
        ).status_code
        == 403
    )
    officer.post(
        "/api/interactions", json={"channel": "phone", "reason_codes": ["documents"], "duration_seconds": 90}
    )
    assert officer.get("/api/stats/calls", params={"date": "2026-03-02"}).status_code == 403
    stats = supervisor.get("/api/stats/calls", params={"date": "2026-03-02", "tz": "UTC"}).json()
    assert (stats["total"], stats["average_seconds"], stats["by_hour"][9]) == (1, 90, 1)
    local = supervisor.get("/api/stats/calls", params={"date": "2026-03-02"}).json()
    assert local["tz"] == "America/Edmonton" and local["by_hour"][2] == 1
    assert (
        supervisor.get("/api/stats/calls", params={"date": "2026-03-02", "tz": "Nowhere/Land"}).status_code
        == 422
    )
