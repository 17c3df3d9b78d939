"""/api/appeals over HTTP: filing (late needs a reason), hearing, an overturned refusal."""

from __future__ import annotations

import datetime as dt

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.api.test_applications_api import ready_application
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_appeal_a_refusal_over_http(container: Container) -> None:
    person = make_person(container)
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    with api_client(container, officer) as client:
        app_id = ready_application(client, person, income="3000.00")
        refusal = client.post("/api/decisions", json={"application_id": app_id}).json()["decision"]
    container.clock.advance(dt.timedelta(days=35))
    with api_client(container, officer) as client:  # a new day, a new login
        late = client.post("/api/appeals", json={"decision_id": refusal["id"], "grounds": "the job ended"})
        assert (late.status_code, late.json()["field"]) == (422, "late_reason")
        filed = client.post(
            "/api/appeals",
            json={"decision_id": refusal["id"], "grounds": "the job ended", "late_reason": "letter lost"},
        )
        assert filed.status_code == 201 and filed.json()["late"] is True
        appeal = filed.json()
        hearing = {
            "hearing_on": container.clock.today().isoformat(),
            "panel": ["Chair", "Member"],
            "version": appeal["version"],
        }
        scheduled = client.post(f"/api/appeals/{appeal['id']}/hearing", json=hearing)
        assert scheduled.status_code == 200, scheduled.text
        outcome = {
            "outcome": "overturned",
            "reason": "income had ended",
            "result": {"monthly_amount": "824.00"},
        }
        decided = client.post(f"/api/appeals/{appeal['id']}/outcome", json=outcome)
        assert decided.status_code == 200, decided.text
        new = decided.json()["decision"]
        assert (new["outcome"], new["basis"], new["supersedes_id"]) == ("eligible", "appeal", refusal["id"])
        assert client.post(f"/api/appeals/{appeal['id']}/withdraw", json={"reason": "x"}).status_code == 409
        assert [a["id"] for a in client.get("/api/appeals", params={"person_id": str(person)}).json()] == [
            appeal["id"]
        ]
