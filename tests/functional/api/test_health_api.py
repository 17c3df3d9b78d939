"""/api/health over HTTP: coverage from a decision, a card, a co-pay, refusals with the field named."""

from __future__ import annotations

import datetime as dt

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker
from tests.integration.health.builders import BORN, nl_income_support_decision


def test_health_over_http(container: Container) -> None:
    officer = make_worker(container, Role.OFFICER, office=make_office(container))
    finance = make_worker(container, Role.FINANCE, office=make_office(container))
    person = make_person(container, born=BORN)
    decision = nl_income_support_decision(container, officer.actor, person)
    valid_to = (container.clock.today() + dt.timedelta(days=10)).isoformat()
    with api_client(container, officer) as client:
        refused = client.post(
            "/api/health/cards", json={"person_id": str(person), "valid_to": valid_to, "reason": "r"}
        )
        assert (refused.status_code, refused.json()["field"]) == (422, "person_id")
        started = client.post("/api/health/coverage/from-decision", json={"decision_id": str(decision.id)})
        assert started.status_code == 200, started.text
        assert started.json()["started"][0]["plan"] == "foundation"
        card = client.post(
            "/api/health/cards", json={"person_id": str(person), "valid_to": valid_to, "reason": "r"}
        )
        assert card.status_code == 201 and card.json()["number"].startswith("EDC-")
        extra = client.post(
            "/api/health/cards", json={"person_id": str(person), "valid_to": valid_to, "colour": "red"}
        )
        assert extra.status_code == 422
        rx = {"person_id": str(person), "din": "02242903", "drug_name": "Metformin", "quantity": "30"}
        missing = client.post("/api/health/copays", json=rx)
        assert (missing.status_code, missing.json()["field"]) == (422, "unit_price")
        costed = client.post("/api/health/copays", json={**rx, "unit_price": "0.10"})
        assert costed.status_code == 201 and costed.json()["copay"] == "0.00"
        file = client.get(f"/api/health/people/{person}").json()
        assert [c["plan"] for c in file["current"]] == ["foundation"] and len(file["cards"]) == 1
        assert client.get("/api/health/people/not-a-uuid").status_code == 404
        view = client.get(f"/api/people/{person}/360")
        assert view.status_code == 200 and view.json()["health"]["current"][0]["plan"] == "foundation"
    with api_client(container, finance) as client:  # finance pays people; it does not read health files
        assert client.get(f"/api/health/people/{person}").status_code == 403
