"""Restricted files, break-glass and conflict-of-interest links over HTTP (issue 10, parts 2 and 4)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from onestop.access import Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from tests.functional.api.test_people_api import JOHN, api_client


@pytest.fixture
def officer(container: Container) -> Iterator[TestClient]:
    with api_client(container, Role.OFFICER, "officer1") as client:
        yield client


@pytest.fixture
def supervisor(container: Container) -> Iterator[TestClient]:
    with api_client(container, Role.SUPERVISOR, "super1") as client:
        yield client


@pytest.fixture
def admin(container: Container) -> Iterator[TestClient]:
    with api_client(container, Role.ADMINISTRATOR, "admin1") as client:
        yield client


def _register(client: TestClient) -> str:
    body = JOHN | {"duplicate_decision": {"decision": "new_person", "reason": "test"}}
    created = client.post("/api/people", json=body)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def test_a_restricted_file_answers_403_with_the_way_in_and_opens_with_a_reason(officer, supervisor):
    pid = _register(officer)
    flagged = supervisor.post(
        f"/api/people/{pid}/restrictions", json={"kind": "public_figure", "note": "MLA"}
    )
    assert flagged.status_code == 201, flagged.text
    assert officer.post(f"/api/people/{pid}/restrictions", json={"kind": "public_figure"}).status_code == 403

    refused = officer.get(f"/api/people/{pid}")
    assert refused.status_code == 403
    assert refused.json()["refused"] == "restricted_file"
    assert refused.json()["break_glass"] == f"/api/people/{pid}/break-glass"

    short = officer.post(f"/api/people/{pid}/break-glass", json={"reason": "x"})
    assert short.status_code == 422 and short.json()["field"] == "reason"
    opened = officer.post(
        f"/api/people/{pid}/break-glass", json={"reason": "client called about her payment"}
    )
    assert opened.status_code == 201, opened.text
    assert officer.get(f"/api/people/{pid}").json()["restrictions"][0]["kind"] == "public_figure"

    [waiting] = supervisor.get("/api/file-accesses").json()
    assert waiting["username"] == "officer1" and waiting["reason"] == "client called about her payment"
    assert officer.get("/api/file-accesses").status_code == 403
    reviewed = supervisor.post(f"/api/file-accesses/{waiting['id']}/review", json={"note": "ok"})
    assert reviewed.status_code == 200 and reviewed.json()["reviewed_by"] == "super1"
    assert supervisor.get("/api/file-accesses").json() == []

    lifted = supervisor.post(
        f"/api/people/{pid}/restrictions/{flagged.json()['id']}/lift", json={"reason": "left office"}
    )
    assert lifted.status_code == 200 and lifted.json()["lifted_by"] == "super1"


def test_the_confidential_address_is_not_in_the_api_output_nor_in_search(officer, supervisor):
    pid = _register(officer)
    assert officer.get(f"/api/people/{pid}").json()["addresses"]
    flag = officer.post(f"/api/people/{pid}/flags", json={"kind": "fleeing_violence_address_confidential"})
    assert flag.status_code == 201, flag.text
    assert supervisor.get(f"/api/people/{pid}").status_code == 403
    [hit] = supervisor.get("/api/people", params={"name": "John Smith"}).json()
    assert hit["person"]["restricted"] is True
    assert (
        hit["person"]["city"] is None and hit["person"]["birth_date"] is None and hit["person"]["sin"] is None
    )


def test_an_administrator_links_a_staff_account_and_the_officer_is_refused(container, officer, admin):
    pid = _register(officer)
    me = officer.get("/api/staff/me").json()
    assert officer.post(f"/api/staff/{me['id']}/person-links", json={"person_id": pid}).status_code == 403
    linked = admin.post(f"/api/staff/{me['id']}/person-links", json={"person_id": pid, "relation": "self"})
    assert linked.status_code == 201, linked.text
    [shown] = admin.get(f"/api/staff/{me['id']}/person-links").json()
    assert shown["person_name"] == "John Smith" and shown["linked_by"] == "admin1"

    refused = officer.get(f"/api/people/{pid}")
    assert refused.status_code == 403 and refused.json()["refused"] == "conflict_of_interest"
    assert "conflict of interest" in refused.json()["detail"]
    patched = officer.patch(f"/api/people/{pid}", json={"version": 1, "family_name": "Changed"})
    assert patched.status_code == 403
    with container.uow() as uow:
        denied = list(
            uow.session.scalars(
                select(AuditEvent.action).where(AuditEvent.outcome == "denied", AuditEvent.subject_id == pid)
            )
        )
    assert denied == ["person:read", "person:write"]

    removed = admin.post(
        f"/api/staff/{me['id']}/person-links/{shown['id']}/remove", json={"reason": "typed the wrong file"}
    )
    assert removed.status_code == 200
    assert officer.get(f"/api/people/{pid}").status_code == 200
