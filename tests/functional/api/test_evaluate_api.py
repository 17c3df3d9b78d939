"""POST /api/evaluate over HTTP: same input and output as ``onestop evaluate``."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.web.app import create_app
from tests.functional.api.test_people_api import api_client

CASE = """{"jurisdiction": "ca-ab", "date": "2024-06-01",
 "people": [{"id": "p1", "role": "applicant", "birth_date": "1985-04-02",
             "monthly_net_employment_income": 500.00, "monthly_other_income": "0.00"}],
 "unit": {"client_type": "expected_to_work", "housing": "private", "liquid_assets": 0}}"""


@pytest.fixture
def officer(container: Container) -> Iterator[TestClient]:
    """An officer's API client (officers may evaluate)."""
    with api_client(container, Role.OFFICER, "evaluator1") as client:
        yield client


def _post(client: TestClient, body: str, **params: str) -> Response:
    return client.post(
        "/api/evaluate", content=body, params=params, headers={"Content-Type": "application/json"}
    )


def test_evaluates_the_case_format_example(officer: TestClient) -> None:
    response = _post(officer, CASE)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["jurisdiction"] == "ca-ab"
    assert body["rules_version"].startswith("sha256:")
    assert len(body["results"]) > 1  # every program of the pack, the worked example first
    result = body["results"][0]
    assert result["program"] == "ab.income_support"
    assert result["status"] == "eligible"
    assert result["monthly_amount"] == "621.50"
    assert result["amounts"] == {
        "core_essential": "459.00",
        "core_shelter": "365.00",
        "non_exempt_income": "202.50",
    }
    assert result["reasons"][0] == {
        "test": "liquid assets within limit",
        "passed": True,
        "detail": "0.00 ≤ 824.00",
        "reference": "Income Supports, Health and Training Benefits Regulation s.21",
    }
    used = {p["name"] for p in result["explanation"]["parameters"]}
    assert "ab.income_support.core_essential" in used


def test_french_words_and_program_filter(officer: TestClient) -> None:
    response = _post(officer, CASE, program="ab.income_support", lang="fr")
    assert response.status_code == 200
    result = response.json()["results"][0]
    assert result["reasons"][0]["test"] == "actifs liquides sous la limite"


def test_unknowns_are_undetermined_with_the_next_questions(officer: TestClient) -> None:
    case = json.loads(CASE)
    del case["unit"]["liquid_assets"]
    result = _post(officer, json.dumps(case)).json()["results"][0]
    assert result["status"] == "undetermined"
    assert result["monthly_amount"] is None
    assert result["missing"] == ["unit.liquid_assets"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"jurisdiction": "ca-zz"}, "jurisdiction"),
        ({"date": "2024-02-30"}, "date"),
        ({"date": "2019-01-01"}, "ab.income_support.core_essential"),
        ({"colour": "blue"}, "colour"),
        (
            {"people": [{"id": "p1", "role": "applicant", "monthly_other_income": "1.005"}]},
            "people[p1].monthly_other_income",
        ),
    ],
)
def test_bad_input_is_422_naming_the_field(
    officer: TestClient, change: dict[str, object], field: str
) -> None:
    case = {**json.loads(CASE), **change}
    response = _post(officer, json.dumps(case))
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert response.json()["detail"].startswith(field)


def test_unknown_program_and_malformed_json_are_422(officer: TestClient) -> None:
    assert _post(officer, CASE, program="ab.nothing").json()["field"] == "program"
    assert _post(officer, "{not json").status_code == 422


def test_needs_a_token(container: Container) -> None:
    with TestClient(create_app(container)) as anonymous:
        assert _post(anonymous, CASE).status_code == 401


def test_needs_the_evaluate_permission(container: Container) -> None:
    with api_client(container, Role.AUDITOR, "auditor9") as auditor:
        assert _post(auditor, CASE).status_code == 403
