"""/api tasks and caseloads over HTTP: lists, transitions, stale versions, supervisor-only moves."""

from __future__ import annotations

import uuid

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_tasks_lists_and_transitions(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    with api_client(container, officer) as client:
        made = client.post(
            "/api/tasks", json={"title": "Call back", "due_on": "2026-03-02", "kind": "callback"}
        )
        assert made.status_code == 201, made.text
        task = made.json()
        assert (task["assignee_id"], task["bucket"]) == (str(officer.id), "due_today")
        assert [t["id"] for t in client.get("/api/tasks", params={"view": "due_today"}).json()["items"]] == [
            task["id"]
        ]
        assert client.get("/api/tasks", params={"view": "someday"}).json()["field"] == "view"
        done = client.post(f"/api/tasks/{task['id']}/complete", json={"version": task["version"]})
        assert done.json()["status"] == "done"
        again = client.post(f"/api/tasks/{task['id']}/complete", json={"version": done.json()["version"]})
        assert again.status_code == 409
        stale = client.post(f"/api/tasks/{task['id']}/cancel", json={"version": task["version"], "note": "x"})
        assert stale.status_code == 409
        past = client.post("/api/tasks", json={"title": "x", "due_on": "2026-03-01"})
        assert (past.status_code, past.json()["field"]) == (422, "due_on")
        assert client.get(f"/api/tasks/{uuid.uuid4()}").status_code == 404


def test_caseload_reassignment_is_for_supervisors(container: Container) -> None:
    office = make_office(container)
    officer, colleague = (make_worker(container, Role.OFFICER, office=office) for _ in range(2))
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    person = make_person(container)
    body = {"from_staff_id": str(officer.id), "to_staff_id": str(colleague.id), "reason": "leave"}
    with api_client(container, officer) as client:
        taken = client.post(f"/api/people/{person}/primary-worker", json={"staff_id": str(officer.id)})
        assert taken.status_code == 200, taken.text
        assert [p["person_id"] for p in client.get("/api/caseload").json()["people"]] == [str(person)]
        assert client.post("/api/caseload/reassign", json=body).status_code == 403
    with api_client(container, supervisor) as client:
        moved = client.post("/api/caseload/reassign", json=body)
        assert moved.json()["people_moved"] == [str(person)]
        history = client.get(f"/api/people/{person}/primary-worker/history").json()
        assert [h["staff_id"] for h in history] == [str(colleague.id), str(officer.id)]
