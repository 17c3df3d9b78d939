"""/api plans over HTTP: versions, closing once, printing as PDF and text."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_plan_versions_close_and_print(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    with api_client(container, officer) as client:
        made = client.post(
            "/api/plans",
            json={
                "person_id": str(person),
                "title": "Logement stable",
                "goals": [{"text": "Trouver un logement"}],
                "actions": [{"text": "Visites", "owner": "client", "goal_id": "G1"}],
            },
        )
        assert made.status_code == 201, made.text
        plan = made.json()
        url = f"/api/plans/{plan['id']}"
        moved = client.post(f"{url}/actions/A1/status", json={"status": "done", "version": plan["version"]})
        assert moved.json()["revision"] == 2
        stale = client.post(f"{url}/close", json={"version": plan["version"]})
        assert stale.status_code == 409
        closed = client.post(f"{url}/close", json={"version": moved.json()["version"], "note": "done"})
        assert closed.json()["status"] == "closed"
        assert client.post(f"{url}/close", json={}).status_code == 409
        first = client.get(url, params={"revision": 1}).json()
        assert (first["revision"], first["actions"][0]["status"], len(first["history"])) == (1, "planned", 3)
        pdf = client.get(f"{url}/print")
        assert (pdf.status_code, pdf.headers["content-type"], pdf.content[:5]) == (
            200,
            "application/pdf",
            b"%PDF-",
        )
        text = client.get(f"{url}/print", params={"format": "text", "revision": 1})
        assert "Trouver un logement" in text.text and "Version 1 of 3" in text.text
        assert client.get(f"{url}/print", params={"format": "docx"}).status_code == 422


def test_assessment_api(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    person = make_person(container)
    with api_client(container, officer) as client:
        body = {
            "person_id": str(person),
            "program_id": "ab.income_support",
            "level": "3",
            "rationale": "why",
            "criteria": {"employable": False},
        }
        assert client.post("/api/assessments", json=body).status_code == 201
        assert client.post("/api/assessments", json=body | {"level": ""}).json()["field"] == "level"
        assert [a["level"] for a in client.get(f"/api/people/{person}/assessments").json()] == ["3"]
