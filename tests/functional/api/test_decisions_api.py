"""/api/decisions over HTTP: decide (201), an override waiting for a supervisor (202), approval by
another supervisor, undetermined refused naming the facts, decided twice refused (409)."""

from __future__ import annotations

import uuid

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.api.test_applications_api import fact, ready_application, unit_of
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_decide_then_read_the_decision(container: Container) -> None:
    person = make_person(container)
    office = make_office(container)
    with api_client(container, make_worker(container, Role.OFFICER, office=office)) as client:
        app_id = ready_application(client, person)
        made = client.post("/api/decisions", json={"application_id": app_id})
        assert made.status_code == 201, made.text
        decision = made.json()["decision"]
        assert (decision["outcome"], decision["monthly_amount"], decision["action"]) == (
            "eligible",
            "824.00",
            "grant",
        )
        got = client.get(f"/api/decisions/{decision['id']}").json()
        assert got["text_fr"].startswith("Décision 1") and got["appeal"]["days"] == 30
        assert [d["id"] for d in client.get("/api/decisions", params={"application_id": app_id}).json()] == [
            got["id"]
        ]
        twice = client.post("/api/decisions", json={"application_id": app_id})
        assert twice.status_code == 409 and "reopen" in twice.json()["detail"]
        assert client.get(f"/api/decisions/{uuid.uuid4()}").status_code == 404


def test_undetermined_is_refused_naming_the_facts(container: Container) -> None:
    person = make_person(container)
    with api_client(container, make_worker(container, Role.OFFICER, office=make_office(container))) as client:
        app = client.post(
            "/api/applications", json={"program": "ab.income_support", "unit_id": unit_of(client, person)}
        )
        app_id = app.json()["id"]
        fact(client, app_id, "unit.liquid_assets", "0")
        client.post(f"/api/applications/{app_id}/assess", json={})
        refused = client.post("/api/decisions", json={"application_id": app_id})
        assert (refused.status_code, refused.json()["field"]) == (422, "facts")
        assert "unit.liquid_assets (recorded but not verified)" in refused.json()["detail"]


def test_an_override_waits_for_another_supervisor(container: Container) -> None:
    person = make_person(container)
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    boss, other_boss = (make_worker(container, Role.SUPERVISOR, office=office) for _ in range(2))
    with api_client(container, officer) as client:
        app_id = ready_application(client, person, income="3000.00")
        override = {"outcome": "eligible", "monthly_amount": "250.00", "reason": "hardship: eviction notice"}
        no_reason = client.post(
            "/api/decisions", json={"application_id": app_id, "override": override | {"reason": ""}}
        )
        assert (no_reason.status_code, no_reason.json()["field"]) == (422, "override.reason")
        queued = client.post("/api/decisions", json={"application_id": app_id, "override": override})
        assert queued.status_code == 202, queued.text
        request = queued.json()["pending_override"]
        assert client.get("/api/decisions/overrides").status_code == 403  # officers do not approve
    with api_client(container, boss) as supervisor:
        pending = supervisor.get("/api/decisions/overrides", params={"office_id": str(office.id)}).json()
        assert [p["id"] for p in pending] == [request["id"]]
        stale = supervisor.post(f"/api/decisions/overrides/{request['id']}/approve", json={"version": 99})
        assert stale.status_code == 409
        approved = supervisor.post(
            f"/api/decisions/overrides/{request['id']}/approve", json={"version": request["version"]}
        )
        assert approved.status_code == 201, approved.text
        body = approved.json()
        assert (body["overridden"], body["computed_status"], body["monthly_amount"]) == (
            True,
            "ineligible",
            "250.00",
        )
        assert (body["decided_by"], body["approved_by"]) == (officer.staff.username, boss.staff.username)
    with api_client(container, other_boss) as late:
        again = late.post(f"/api/decisions/overrides/{request['id']}/refuse", json={"reason": "too late"})
        assert again.status_code == 409
