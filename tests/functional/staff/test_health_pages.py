"""The person's health page over HTTP: no coverage refuses a card with the reason; with Foundation
coverage a card is issued and cancelled, a prescription costed, a special authorization recorded."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop import health
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import CoverageFromDecision, RestrictionAdd
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision


def test_the_health_page(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    page = f"/staff/people/{marie.id}/health"
    assert "No drug coverage is recorded" in signed_in.get(page).text
    assert f'href="/staff/people/{marie.id}/health"' in signed_in.get(f"/staff/people/{marie.id}").text
    token = csrf_token(signed_in, page)
    card = {"csrf_token": token, "valid_to": "2026-03-20", "reason": "card not yet received"}
    refused = signed_in.post(f"{page}/cards", data=card)
    assert refused.status_code == 422 and "has no drug coverage" in refused.text
    system = Actor.system("tests")
    decision = nl_income_support_decision(container, system, marie.id)
    health.apply_decision(container.uow(), actor=system, data=CoverageFromDecision(decision_id=decision.id))
    issued = signed_in.post(f"{page}/cards", data=card)
    assert issued.status_code == 303, issued.text
    text = signed_in.get(page).text
    assert "Foundation Plan" in text and "EDC-" in text
    version = re.search(r'name="version" value="(\d+)"', text).group(1)  # type: ignore[union-attr]
    card_id = re.search(r"/health/cards/([0-9a-f-]{36})/cancel", text).group(1)  # type: ignore[union-attr]
    cancelled = signed_in.post(
        f"{page}/cards/{card_id}/cancel",
        data={"csrf_token": token, "version": version, "reason": "card arrived"},
    )
    assert cancelled.status_code == 303
    rx = {"csrf_token": token, "din": "02242903", "drug_name": "Metformin", "quantity": "30"}
    missing = signed_in.post(f"{page}/copays", data=rx)
    assert missing.status_code == 422 and 'id="f-unit_price-error"' in missing.text
    costed = signed_in.post(f"{page}/copays", data=rx | {"unit_price": "0.4567", "dispensing_fee": "11.99"})
    assert costed.status_code == 303
    sa = {
        "csrf_token": token,
        "din": "02242903",
        "drug_name": "Adalimumab",
        "prescriber": "Dr. Walsh",
        "reason": "RA",
    }
    assert signed_in.post(f"{page}/authorizations", data=sa).status_code == 303
    text = signed_in.get(page).text
    assert "card arrived" in text and "$25.69" in text and "Adalimumab" in text
    assert signed_in.get(f"/staff/people/{marie.id}/health?lang=fr").status_code == 200
    [cov] = health.health_file(container.uow(), actor=system, person_id=marie.id).current
    restriction = RestrictionAdd(
        kind="single_pharmacy", value="Lawtons Drugs", explained_to_client="one pharmacy"
    )
    health.add_restriction(container.uow(), actor=system, coverage_id=cov.id, data=restriction)
    assert "Lawtons Drugs" in signed_in.get(page).text  # a restriction is listed (it was a 500)
