"""/api/units over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.api.test_people_api import api_client


@pytest.fixture
def officer(container: Container) -> Iterator[TestClient]:
    """An officer's API client."""
    with api_client(container, Role.OFFICER, "officer2") as client:
        yield client


def _person(client: TestClient, given: str) -> str:
    body = {
        "given_names": given,
        "family_name": "Lee",
        "duplicate_decision": {"decision": "new_person", "reason": "test"},
    }
    response = client.post("/api/people", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_unit_lifecycle(officer: TestClient) -> None:
    ann, bo, cy = _person(officer, "Ann"), _person(officer, "Bo"), _person(officer, "Cy")
    created = officer.post(
        "/api/units",
        json={
            "label": "Lee",
            "members": [
                {"person_id": ann, "role": "applicant", "joined_on": "2026-01-01"},
                {"person_id": bo, "role": "partner", "joined_on": "2026-01-01"},
            ],
        },
    )
    assert created.status_code == 201, created.text
    unit_id = created.json()["id"]
    added = officer.post(
        f"/api/units/{unit_id}/members",
        json={"person_id": cy, "role": "dependant", "joined_on": "2026-01-15"},
    )
    assert added.status_code == 201
    bo_row = next(m for m in added.json()["members"] if m["person_id"] == bo)
    ended = officer.delete(f"/api/units/{unit_id}/members/{bo_row['id']}", params={"left_on": "2026-02-01"})
    assert ended.status_code == 200
    unit = officer.get(f"/api/units/{unit_id}").json()
    assert len(unit["members"]) == 3
    assert next(m for m in unit["members"] if m["person_id"] == bo)["left_on"] == "2026-02-01"
    assert [u["id"] for u in officer.get(f"/api/people/{bo}/units").json()] == [unit_id]


def test_two_applicants_is_422(officer: TestClient) -> None:
    ann, bo = _person(officer, "Ann"), _person(officer, "Bo")
    response = officer.post(
        "/api/units",
        json={
            "members": [
                {"person_id": ann, "role": "applicant", "joined_on": "2026-01-01"},
                {"person_id": bo, "role": "applicant", "joined_on": "2026-01-01"},
            ]
        },
    )
    assert response.status_code == 422
    assert response.json()["field"] == "members"
    assert officer.get("/api/units/00000000-0000-0000-0000-000000000000").status_code == 404
