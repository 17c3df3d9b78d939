"""/api/screenings over HTTP: start anonymous, answer (versioned), resume, link, complete."""

from __future__ import annotations

import uuid

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_an_interview_from_start_to_finish(container: Container) -> None:
    person = make_person(container)
    with api_client(container, make_worker(container, Role.OFFICER, office=make_office(container))) as client:
        started = client.post("/api/screenings", json={"jurisdiction": "ca-ab"})
        assert started.status_code == 201, started.text
        s = started.json()
        assert s["next_questions"][0]["path"] == "people[p1].role"
        answered = client.post(
            f"/api/screenings/{s['id']}/answers",
            json={"version": s["version"], "answers": {"people[p1].role": "applicant", "people[p1].age": 40}},
        )
        assert answered.status_code == 200, answered.text
        stale = client.post(
            f"/api/screenings/{s['id']}/answers",
            json={"version": s["version"], "answers": {"unit.housing": "private"}},
        )
        assert stale.status_code == 409
        bad = client.post(f"/api/screenings/{s['id']}/answers", json={"answers": {"unit.housing": "castle"}})
        assert (bad.status_code, bad.json()["field"]) == (422, "answers[unit.housing]")
        empty = client.post(f"/api/screenings/{s['id']}/answers", json={"answers": {}})
        assert (empty.status_code, empty.json()["field"]) == (422, "answers")
        resumed = client.get(f"/api/screenings/{s['id']}").json()
        assert resumed["case"]["people"] == [{"id": "p1", "role": "applicant", "age": 40}]
        assert [step["seq"] for step in resumed["steps"]] == [0, 1]
        linked = client.post(f"/api/screenings/{s['id']}/link", json={"person_id": str(person)})
        assert linked.json()["person_id"] == str(person)
        done = client.post(f"/api/screenings/{s['id']}/complete", json={})
        assert done.json()["status"] == "completed"
        closed = client.post(
            f"/api/screenings/{s['id']}/answers", json={"answers": {"unit.housing": "private"}}
        )
        assert closed.status_code == 409
        mine = client.get("/api/screenings", params={"person_id": str(person)}).json()
        assert [m["id"] for m in mine] == [s["id"]]
        assert client.get(f"/api/screenings/{uuid.uuid4()}").status_code == 404
        unknown = client.post("/api/screenings", json={"jurisdiction": "ca-zz"})
        assert (unknown.status_code, unknown.json()["field"]) == (422, "jurisdiction")
