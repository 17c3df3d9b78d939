"""/api/applications over HTTP: receive, facts verified by uploaded documents, assessment, checklist,
status changes with versions (stale -> 409), errors naming the field."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"


def unit_of(client: TestClient, person: uuid.UUID) -> str:
    """A benefit unit with this person as applicant."""
    made = client.post(
        "/api/units",
        json={"members": [{"person_id": str(person), "role": "applicant", "joined_on": "2026-01-01"}]},
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def document(client: TestClient, person: uuid.UUID, doc_type: str) -> str:
    """Upload and verify a document; its id."""
    upload = {"file": (f"{doc_type}.pdf", PDF + doc_type.encode(), "application/pdf")}
    made = client.post(f"/api/people/{person}/documents", data={"doc_type": doc_type}, files=upload)
    assert made.status_code == 201, made.text
    doc = made.json()["id"]
    assert client.post(f"/api/documents/{doc}/verify", json={"method": "seen_original"}).status_code == 200
    return str(doc)


def fact(client: TestClient, app: str, path: str, value: Any, doc: str | None = None) -> dict[str, Any]:
    """Record a fact; the response body."""
    made = client.post(
        f"/api/applications/{app}/facts", json={"path": path, "value": value, "document_id": doc}
    )
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


def ready_application(client: TestClient, person: uuid.UUID, *, income: str = "0.00") -> str:
    """An Income Support application in assessment with every fact of the single-adult case verified."""
    app = client.post(
        "/api/applications", json={"program": "ab.income_support", "unit_id": unit_of(client, person)}
    )
    assert app.status_code == 201, app.text
    app_id = str(app.json()["id"])
    document(client, person, "identity")
    pay, bank, lease = (
        document(client, person, t) for t in ("income_proof", "bank_statement", "lease_rent_receipt")
    )
    fact(client, app_id, "unit.client_type", "expected_to_work")
    fact(client, app_id, "unit.housing", "private", lease)
    fact(client, app_id, "unit.liquid_assets", "0.00", bank)
    fact(client, app_id, f"people[{person}].monthly_net_employment_income", income, pay)
    fact(client, app_id, f"people[{person}].monthly_other_income", "0.00", pay)
    assert client.post(f"/api/applications/{app_id}/assess", json={}).status_code == 200
    return app_id


def officer_client(container: Container) -> TestClient:
    """An officer's API client (in an office)."""
    return api_client(container, make_worker(container, Role.OFFICER, office=make_office(container)))


def test_needs_a_token(container: Container) -> None:
    from onestop.web.app import create_app

    with TestClient(create_app(container)) as anonymous:
        for method, url in [("get", f"/api/applications/{uuid.uuid4()}"), ("post", "/api/applications")]:
            assert getattr(anonymous, method)(url).status_code == 401


def test_receive_record_verify_and_assess(container: Container) -> None:
    person = make_person(container)
    with officer_client(container) as client:
        app_id = ready_application(client, person)
        got = client.get(f"/api/applications/{app_id}").json()
        assert (got["status"], got["program"], got["applicant_id"]) == (
            "in_assessment",
            "ab.income_support",
            str(person),
        )
        assessment = client.get(f"/api/applications/{app_id}/assessment").json()
        assert (assessment["status"], assessment["monthly_amount"], assessment["missing"]) == (
            "eligible",
            "824.00",
            [],
        )
        facts = client.get(f"/api/applications/{app_id}/facts").json()
        assert len(facts) == 5 and all(f["verified"] for f in facts)
        checklist = client.get(f"/api/applications/{app_id}/checklist").json()
        assert checklist["missing"] == [] and {i["status"] for i in checklist["items"]} == {"verified"}
        listed = client.get("/api/applications", params={"person_id": str(person)}).json()
        assert [a["id"] for a in listed] == [app_id]


def test_errors_name_the_field_and_change_nothing(container: Container) -> None:
    person = make_person(container)
    with officer_client(container) as client:
        unit = unit_of(client, person)
        bad = client.post("/api/applications", json={"program": "ab.nope", "unit_id": unit})
        assert (bad.status_code, bad.json()["field"]) == (422, "program")
        bad = client.post("/api/applications", json={"program": "ab.income_support", "unit_id": unit, "x": 1})
        assert (bad.status_code, bad.json()["field"]) == (422, "x")
        app = client.post("/api/applications", json={"program": "ab.income_support", "unit_id": unit}).json()
        wrong = client.post(
            f"/api/applications/{app['id']}/facts", json={"path": "unit.liquid_assets", "value": "lots"}
        )
        assert (wrong.status_code, wrong.json()["field"]) == (422, "value")
        wrong = client.post(
            f"/api/applications/{app['id']}/facts", json={"path": "unit.housing", "value": "castle"}
        )
        assert (wrong.status_code, wrong.json()["field"]) == (422, "value")
        assert client.get(f"/api/applications/{app['id']}/facts").json() == []
        assert client.get(f"/api/applications/{uuid.uuid4()}").status_code == 404
        missing = client.get(f"/api/applications/{app['id']}/checklist").json()["missing"]
        assert {i["doc_type"] for i in missing} == {
            "identity",
            "income_proof",
            "bank_statement",
            "lease_rent_receipt",
        }
        assert all(i["how_to_obtain"]["fr"] for i in missing)


def test_status_changes_take_the_version_and_refuse_stale_ones(container: Container) -> None:
    person = make_person(container)
    with officer_client(container) as client:
        app = client.post(
            "/api/applications", json={"program": "ab.income_support", "unit_id": unit_of(client, person)}
        )
        app_id, version = app.json()["id"], app.json()["version"]
        waiting = client.post(f"/api/applications/{app_id}/request-documents", json={"version": version})
        assert (waiting.status_code, waiting.json()["status"]) == (200, "pending_documents")
        stale = client.post(f"/api/applications/{app_id}/assess", json={"version": version})
        assert stale.status_code == 409
        no_reason = client.post(f"/api/applications/{app_id}/withdraw", json={})
        assert (no_reason.status_code, no_reason.json()["field"]) == (422, "reason")
        gone = client.post(f"/api/applications/{app_id}/withdraw", json={"reason": "moved to BC"})
        assert gone.json()["status"] == "withdrawn"
        assert client.post(f"/api/applications/{app_id}/assess", json={}).status_code == 409
        assert client.post(f"/api/applications/{app_id}/reopen", json={"reason": "x"}).status_code == 409


def test_finance_may_not_take_applications(container: Container) -> None:
    person = make_person(container)
    with api_client(container, make_worker(container, Role.FINANCE)) as finance:
        made = finance.post(
            "/api/applications", json={"program": "ab.income_support", "unit_id": str(uuid.uuid4())}
        )
        assert made.status_code == 403
        assert finance.get("/api/applications", params={"person_id": str(person)}).status_code == 403
