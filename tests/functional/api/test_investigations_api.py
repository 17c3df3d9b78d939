"""/api/investigations over HTTP: specialists and supervisors only; evidence, interviews, a finding once."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.api.test_applications_api import document
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_an_investigation_over_http(container: Container) -> None:
    person = make_person(container)
    office = make_office(container)
    with api_client(container, make_worker(container, Role.OFFICER, office=office)) as officer:
        body = {"person_id": str(person), "allegation": "undeclared partner", "source": "named_tip"}
        assert officer.post("/api/investigations", json=body).status_code == 403
        doc = document(officer, person, "lease_rent_receipt")
    with api_client(container, make_worker(container, Role.SPECIALIST, office=office)) as specialist:
        opened = specialist.post("/api/investigations", json=body)
        assert opened.status_code == 201, opened.text
        iid = opened.json()["id"]
        bad = specialist.post("/api/investigations", json=body | {"source": "gossip"})
        assert (bad.status_code, bad.json()["field"]) == (422, "source")
        added = specialist.post(
            f"/api/investigations/{iid}/evidence",
            json={"document_id": doc, "description": "lease in two names"},
        )
        assert added.status_code == 201
        held = "2026-03-01T15:00:00Z"
        talk = {
            "interviewee_id": str(person),
            "held_at": held,
            "cautioned": True,
            "statement": "He moved out in 2025.",
        }
        interviewed = specialist.post(f"/api/investigations/{iid}/interviews", json=talk)
        assert interviewed.status_code == 201 and interviewed.json()["interviews"][0]["cautioned"] is True
        closed = specialist.post(
            f"/api/investigations/{iid}/close", json={"finding": "unfounded", "reason": "lease ended"}
        )
        assert closed.json()["finding"] == "unfounded"
        twice = specialist.post(
            f"/api/investigations/{iid}/close", json={"finding": "founded", "reason": "?"}
        )
        assert twice.status_code == 409
        assert [
            i["id"] for i in specialist.get("/api/investigations", params={"person_id": str(person)}).json()
        ] == [iid]
