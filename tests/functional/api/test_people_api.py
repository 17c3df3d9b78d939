"""/api/people over HTTP, with a real login: status codes, masking, 409 with duplicates."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.access import Actor, Role, create_office, create_staff
from onestop.bootstrap import Container
from onestop.web.app import create_app

PASSWORD = "Correct-horse-42"
SIN = "130 692 544"
JOHN = {
    "given_names": "John",
    "family_name": "Smith",
    "birth_date": "1980-05-17",
    "sin": SIN,
    "phones": [{"number": "780 555 0199"}],
    "addresses": [{"line1": "10 Jasper Ave", "city": "Edmonton", "province": "AB", "postal_code": "t5j0n3"}],
}


def api_client(container: Container, role: Role, username: str) -> TestClient:
    """A client holding a bearer token for a new staff member in ``role``."""
    system = Actor.system("tests")
    create_staff(
        container.uow(),
        actor=system,
        username=username,
        display_name=username,
        password=PASSWORD,
        roles={role},
        office_id=None,
    )
    client = TestClient(create_app(container))
    token = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
    assert token.status_code == 200, token.text
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    return client


@pytest.fixture
def officer(container: Container) -> Iterator[TestClient]:
    """An officer's API client."""
    create_office(container.uow(), actor=Actor.system("tests"), code="EDM", name="Edmonton")
    with api_client(container, Role.OFFICER, "officer1") as client:
        yield client


@pytest.fixture
def supervisor(container: Container) -> Iterator[TestClient]:
    """A supervisor's API client (may merge)."""
    with api_client(container, Role.SUPERVISOR, "super1") as client:
        yield client


def test_needs_a_token(container: Container) -> None:
    with TestClient(create_app(container)) as anonymous:
        assert anonymous.get("/api/people", params={"name": "Smith"}).status_code == 401


def test_register_read_masked(officer: TestClient) -> None:
    created = officer.post("/api/people", json=JOHN)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["identifiers"][0]["masked"] == "*** *** 544"
    assert "130692544" not in created.text
    read = officer.get(f"/api/people/{body['id']}", params={"purpose": "interview"})
    assert read.status_code == 200
    assert read.json()["addresses"][0]["postal_code"] == "T5J 0N3"
    assert officer.get("/api/people/00000000-0000-0000-0000-000000000000").status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sin": "130 692 545"}, "sin"),
        ({"birth_date": "2099-01-01"}, "birth_date"),
        ({"birth_date": "17/05/1980"}, "birth_date"),
        ({"given_names": "", "family_name": ""}, "legal_name"),
        ({"emails": [{"address": "not-an-email"}]}, "emails[0]"),
        (
            {"addresses": [{"line1": "1 A St", "city": "X", "province": "ZZ", "postal_code": "T5J 0N3"}]},
            "addresses[0].province",
        ),
        (
            {"addresses": [{"line1": "1 A St", "city": "X", "province": "NL", "postal_code": "T5J 0N3"}]},
            "addresses[0].postal_code",
        ),
    ],
)
def test_bad_input_is_422_naming_the_field(
    officer: TestClient, change: dict[str, object], field: str
) -> None:
    response = officer.post("/api/people", json=JOHN | change)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert officer.get("/api/people", params={"name": "John Smith"}).json() == []


def test_duplicate_is_409_with_matches_then_decision(officer: TestClient) -> None:
    first = officer.post("/api/people", json=JOHN).json()
    again = {"given_names": "Jon", "family_name": "Smtih", "birth_date": "1980-05-17"}
    refused = officer.post("/api/people", json=again)
    assert refused.status_code == 409
    (match,) = refused.json()["matches"]
    assert match["person"]["id"] == first["id"]
    assert match["person"]["sin"] == "*** *** 544"
    assert match["score"] >= 70
    checked = officer.post("/api/people/duplicates", json=again)
    assert [m["person"]["id"] for m in checked.json()] == [first["id"]]
    decided = officer.post(
        "/api/people",
        json=again | {"duplicate_decision": {"decision": "new_person", "reason": "twin brother"}},
    )
    assert decided.status_code == 201
    assert decided.json()["duplicate_decided_by"] == "officer1"


def test_search_and_patch_with_version(officer: TestClient) -> None:
    person = officer.post("/api/people", json=JOHN).json()
    hits = officer.get("/api/people", params={"name": "Jon Smyth"}).json()
    assert hits[0]["person"]["id"] == person["id"]
    assert hits[0]["person"]["sin"] == "*** *** 544"
    assert officer.post("/api/people/search", json={"sin": SIN}).json()[0]["reasons"] == ["same SIN"]
    assert officer.get("/api/people", params={"sin": SIN}).status_code == 422  # never in the address
    assert officer.get("/api/people").status_code == 422
    patched = officer.patch(
        f"/api/people/{person['id']}", json={"version": person["version"], "preferred_name": "Jack"}
    )
    assert patched.status_code == 200
    assert patched.json()["preferred_name"] == "Jack"
    stale = officer.patch(f"/api/people/{person['id']}", json={"version": person["version"], "gender": "m"})
    assert stale.status_code == 409


def test_reveal_and_merge_permissions(officer: TestClient, supervisor: TestClient) -> None:
    a = officer.post("/api/people", json=JOHN).json()
    decision = {"decision": "new_person", "reason": "r"}
    b = officer.post(
        "/api/people", json={"family_name": "Smith", "given_names": "Johnny", "duplicate_decision": decision}
    ).json()
    assert (
        officer.post(f"/api/people/{a['id']}/reveal", json={"kind": "sin", "reason": ""}).status_code == 422
    )
    shown = officer.post(f"/api/people/{a['id']}/reveal", json={"kind": "sin", "reason": "CRA check"})
    assert shown.json()["value"] == "130 692 544"
    assert (
        officer.post(
            f"/api/people/{a['id']}/merge", json={"merged_id": b["id"], "reason": "same"}
        ).status_code
        == 403
    )
    merged = supervisor.post(f"/api/people/{a['id']}/merge", json={"merged_id": b["id"], "reason": "same"})
    assert merged.status_code == 200
    assert merged.json()["merged_ids"] == [b["id"]]
    undone = supervisor.post(f"/api/people/{b['id']}/unmerge", json={"reason": "mistake"})
    assert undone.json()["merged_into_id"] is None


def test_sub_resources(officer: TestClient) -> None:
    pid = officer.post("/api/people", json=JOHN).json()["id"]
    phone = officer.post(f"/api/people/{pid}/phones", json={"number": "709-555-0100", "label": "work"})
    assert phone.status_code == 201
    assert phone.json()["value"] == "+17095550100"
    assert officer.post(f"/api/people/{pid}/phones", json={"number": "12"}).json()["field"] == "number"
    removed = officer.delete(f"/api/people/{pid}/contacts/{phone.json()['id']}")
    assert removed.json()["removed_at"] is not None
    flag = officer.post(
        f"/api/people/{pid}/flags", json={"kind": "do_not_meet_alone", "note": "see 2025 incident"}
    )
    assert flag.status_code == 201
    gone = officer.post(f"/api/people/{pid}/flags/{flag.json()['id']}/remove", json={"reason": "reviewed"})
    assert gone.json()["removal_reason"] == "reviewed"
    consent = officer.post(
        f"/api/people/{pid}/consents", json={"recipient": "ca-ab:aish", "purpose": "eligibility"}
    )
    assert consent.status_code == 201
    withdrawn = officer.post(f"/api/people/{pid}/consents/{consent.json()['id']}/withdraw")
    assert withdrawn.json()["withdrawn_at"] is not None
    health = officer.post(
        f"/api/people/{pid}/identifiers",
        json={"kind": "health_number", "province": "AB", "number": "123456789"},
    )
    assert health.json()["masked"] == "******789"
    address = officer.post(
        f"/api/people/{pid}/addresses",
        json={"line1": "1 Water St", "city": "St. John's", "province": "NL", "postal_code": "a1c5m2"},
    )
    assert address.json()["postal_code"] == "A1C 5M2"
    file = officer.get(f"/api/people/{pid}").json()
    assert len(file["contacts"]) == 2 and len(file["safety_flags"]) == 1 and len(file["addresses"]) == 2
