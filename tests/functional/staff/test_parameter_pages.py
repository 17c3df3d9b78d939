"""The parameter values page and API: record a value (a bad one comes back naming the field, nothing
stored), another administrator approves it, and the program it filled a gap for becomes decidable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from onestop import jurisdictions
from onestop.access import passwords
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token, sign_in
from tests.integration.access.factories import CHEAP_HASHER
from tests.integration.policy.factories import GAP, PASSWORD, make_staff

CASE = {
    "jurisdiction": "ca-ab",
    "date": "2025-06-01",
    "people": [
        {
            "id": "a",
            "role": "applicant",
            "age": 40,
            "severe_handicap": True,
            "monthly_net_employment_income": 0,
            "monthly_other_income": 0,
        }
    ],
    "unit": {"non_exempt_assets": 0},
}


@pytest.fixture(autouse=True)
def _setup(container: Container, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)
    make_staff(container, "ada", Role.ADMINISTRATOR)
    make_staff(container, "bob", Role.ADMINISTRATOR)
    make_staff(container, "olive", Role.OFFICER)
    yield
    jurisdictions.use_overlays([])


def _aish_status() -> str:
    return str(jurisdictions.evaluate(CASE, ["ab.aish"]).results[0].status)


def _form(**fields: str) -> dict[str, str]:
    return {
        "parameter": GAP,
        "value": "1901.00",
        "effective": "2025-01-01",
        "source_title": "AISH rates 2025",
        "source_url": "",
        "confidence": "high",
        "note": "",
    } | fields


def test_record_on_the_page_then_another_administrator_approves(app: FastAPI) -> None:
    with TestClient(app, follow_redirects=False) as ada, TestClient(app, follow_redirects=False) as bob:
        assert sign_in(ada, "ada", PASSWORD).status_code == 303
        assert sign_in(bob, "bob", PASSWORD).status_code == 303
        page = ada.get("/staff/parameters")
        assert page.status_code == 200 and "No value recorded yet" in page.text

        bad = ada.post(
            "/staff/parameters", data=_form(value="lots", csrf_token=csrf_token(ada, "/staff/parameters"))
        )
        assert bad.status_code == 422 and 'id="f-value-error"' in bad.text and "lots" in bad.text
        assert "Waiting for approval" not in bad.text  # nothing stored

        made = ada.post("/staff/parameters", data=_form(csrf_token=csrf_token(ada, "/staff/parameters")))
        assert made.status_code == 303
        mine = ada.get("/staff/parameters").text
        assert "Waiting for approval" in mine and "/approve" not in mine  # no button on one's own value
        theirs = bob.get("/staff/parameters").text
        action = theirs.split('action="/staff/parameters/')[1].split('"')[0]
        assert action.endswith("/approve")
        assert _aish_status() == "undetermined"

        done = bob.post(
            f"/staff/parameters/{action}", data={"csrf_token": csrf_token(bob, "/staff/parameters")}
        )
        assert done.status_code == 303
        assert "Approved by bob" in bob.get("/staff/parameters").text
        assert _aish_status() == "eligible"


def test_an_officer_is_refused_the_page(app: FastAPI) -> None:
    with TestClient(app, follow_redirects=False) as olive:
        assert sign_in(olive, "olive", PASSWORD).status_code == 303
        assert olive.get("/staff/parameters").status_code == 403


def _token(client: TestClient, username: str) -> dict[str, str]:
    token = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def test_the_api_records_refuses_own_approval_approves_and_exports(app: FastAPI) -> None:
    with TestClient(app) as client:
        ada, bob = _token(client, "ada"), _token(client, "bob")
        body = {"parameter": GAP, "value": "1901.00", "effective": "2025-01-01", "source_title": "AISH 2025"}
        for bad, field in (
            ({"parameter": "ab.aish.nothing"}, "parameter"),
            ({"value": "lots"}, "value"),
            ({"effective": "1999-01-01"}, "effective"),
        ):
            refused = client.post("/api/parameter-overlays", json=body | bad, headers=ada)
            assert refused.status_code == 422 and field in refused.text
        assert client.get("/api/parameter-overlays", headers=ada).json() == []

        made = client.post("/api/parameter-overlays", json=body, headers=ada)
        assert made.status_code == 201 and made.json()["value"] == 190100
        oid = made.json()["id"]
        assert client.post(f"/api/parameter-overlays/{oid}/approve", json={}, headers=ada).status_code == 403
        ok = client.post(f"/api/parameter-overlays/{oid}/approve", json={}, headers=bob)
        assert ok.status_code == 200 and ok.json()["status"] == "approved"
        again = client.post(f"/api/parameter-overlays/{oid}/refuse", json={"reason": "x"}, headers=bob)
        assert again.status_code == 409
        export = client.get("/api/parameter-overlays/export", headers=bob)
        assert export.status_code == 200 and "max_living_allowance:" in export.text
        evaluated = client.post("/api/evaluate", json=CASE, headers=bob)
        assert evaluated.status_code == 200, evaluated.text
        aish = next(r for r in evaluated.json()["results"] if r["program"] == "ab.aish")
        assert aish["status"] == "eligible" and aish["amounts"]["living_allowance"] == "1901.00"
