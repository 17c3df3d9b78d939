"""POST /api/screen over HTTP: officers screen a case; the permission and bad input are enforced."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.web.app import create_app
from tests.functional.api.test_people_api import api_client

CASE = """{"jurisdiction": "ca-ab", "date": "2024-06-01",
 "people": [{"id": "me", "role": "applicant", "age": 29}],
 "unit": {"fleeing_violence": true, "no_money_for_food_today": true, "emergency_cannot_wait": true,
          "no_safe_place_tonight": false, "resident_of_province": true, "liquid_assets": 12.50}}"""


@pytest.fixture
def officer(container: Container) -> Iterator[TestClient]:
    with api_client(container, Role.OFFICER, "screener1") as client:
        yield client


def _post(client: TestClient, body: str, **params: str) -> Response:
    return client.post(
        "/api/screen", content=body, params=params, headers={"Content-Type": "application/json"}
    )


def test_screens_a_case_urgent_first(officer: TestClient) -> None:
    response = _post(officer, CASE)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["jurisdiction"] == "ca-ab" and body["lang"] == "en"
    first = body["results"][0]
    assert first["program"] == "ab.family_violence_supports"
    assert first["urgent"] is True and first["status"] == "likely_eligible"
    emergency = body["results"][1]
    assert emergency["program"] == "ab.emergency_income_support" and emergency["urgent"] is True
    assert emergency["status"] == "possibly_eligible"  # the allowance rate is an unpublished policy value
    assert emergency["missing_parameters"] == ["ab.emergency_income_support.emergency_needs_allowance[food]"]
    assert emergency["refer_to"]["contacts"][0]["value"] == "1-866-644-5135"
    assert len(body["results"]) == 35
    assert all(q["question"].endswith("?") for q in body["next_questions"])


def test_french(officer: TestClient) -> None:
    body = _post(officer, CASE, lang="fr").json()
    assert body["lang"] == "fr"
    assert body["results"][0]["status_text"] == "probablement admissible"


def test_almost_nothing_known(officer: TestClient) -> None:
    body = _post(officer, '{"jurisdiction": "ca-nl", "date": "2025-10-01"}').json()
    assert body["counts"]["likely_eligible"] == 0
    assert body["next_questions"][0]["urgent"] is True


def test_bad_input_is_422_naming_the_field(officer: TestClient) -> None:
    response = _post(officer, '{"jurisdiction": "ca-ab", "date": "2024-06-01", "unit": {"hungry": true}}')
    assert response.status_code == 422
    assert response.json()["field"] == "unit.hungry"
    response = _post(officer, '{"jurisdiction": "ca-ab", "date": "2024-06-01",')
    assert response.status_code == 422
    assert _post(officer, '{"jurisdiction": "ca-on", "date": "2024-06-01"}').json()["field"] == "jurisdiction"


def test_needs_a_login(container: Container) -> None:
    client = TestClient(create_app(container))
    assert _post(client, CASE).status_code == 401


def test_needs_the_rules_evaluate_permission(container: Container) -> None:
    with api_client(container, Role.AUDITOR, "auditor9") as auditor:
        assert _post(auditor, CASE).status_code == 403
