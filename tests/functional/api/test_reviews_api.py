"""/api/reviews over HTTP: the due job, conducting a review, a reported change, suspension, reinstatement."""

from __future__ import annotations

import datetime as dt

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.api.test_applications_api import document, ready_application
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_reviews_changes_and_suspension(container: Container) -> None:
    person = make_person(container)
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    with api_client(container, officer) as client:
        app_id = ready_application(client, person)
        decided = client.post("/api/decisions", json={"application_id": app_id}).json()["decision"]
        [scheduled] = client.get("/api/reviews", params={"application_id": app_id}).json()
        assert (scheduled["status"], scheduled["due_on"]) == ("scheduled", "2027-03-02")
        pay = document(client, person, "income_proof")
        earnings = {
            "path": f"people[{person}].monthly_net_employment_income",
            "value": "500",
            "document_id": pay,
        }
        change = {
            "application_id": app_id,
            "category": "income",
            "description": "part-time job",
            "facts": [earnings],
        }
        reported = client.post("/api/reviews/changes", json=change)
        assert reported.status_code == 201, reported.text
        conducted = client.post(f"/api/reviews/{reported.json()['id']}/conduct", json={})
        assert conducted.status_code == 200, conducted.text
        assert conducted.json()["decision"]["monthly_amount"] == "621.50"
        assert conducted.json()["review"]["result"] == "change"
        suspended = client.post(
            "/api/reviews/suspensions", json={"application_id": app_id, "reason": "no contact"}
        )
        assert (suspended.status_code, suspended.json()["outcome"]) == (201, "suspended")
        again = client.post("/api/reviews/suspensions", json={"application_id": app_id, "reason": "again"})
        assert again.status_code == 409
        back = client.post(
            "/api/reviews/reinstatements", json={"application_id": app_id, "reason": "called back"}
        )
        assert (back.status_code, back.json()["monthly_amount"]) == (201, "621.50")
        assert decided["id"] != back.json()["id"]
    container.clock.advance(dt.timedelta(days=366))
    with api_client(container, make_worker(container, Role.SUPERVISOR, office=office)) as supervisor:
        opened = supervisor.post("/api/reviews/run-due").json()
        assert [r["status"] for r in opened] == ["due"]
    with api_client(container, officer) as client:
        due = client.get("/api/tasks", params={"view": "overdue"})
        assert due.status_code == 200
        ids = [t["id"] for t in client.get("/api/tasks", params={"view": "open"}).json()["items"]]
        assert opened[0]["task_id"] in ids
