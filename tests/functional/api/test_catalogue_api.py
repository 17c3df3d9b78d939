"""GET /api/catalogue: the public program catalogue, in English and French."""

from __future__ import annotations

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.web.app import create_app


def test_lists_a_jurisdictions_programs(container: Container) -> None:
    client = TestClient(create_app(container))
    body = client.get("/api/catalogue/ca-nl").json()
    ids = [e["program"] for e in body["entries"]]
    assert "nl.nlpdp.65plus" in ids and "ext.211" in ids
    mcp = next(e for e in body["entries"] if e["program"] == "nl.mcp")
    assert mcp["refer_to"]["contacts"][0] == {
        "kind": "phone",
        "value": "1-866-449-4459",
        "label": "St. John's office",
        "hours": None,
        "source": "https://www.gov.nl.ca/releases/2020/health/0322n07/",
    }
    assert "status" not in mcp


def test_shows_one_entry_in_french(container: Container) -> None:
    client = TestClient(create_app(container))
    body = client.get("/api/catalogue/ca-ab/ab.aish", params={"lang": "fr"}).json()
    assert body["name"].startswith("Revenu assuré")
    assert body["kind"] == "decided"
    assert body["who"]


def test_unknown_jurisdiction_or_entry_is_404(container: Container) -> None:
    client = TestClient(create_app(container))
    assert client.get("/api/catalogue/ca-qc").status_code == 404
    assert client.get("/api/catalogue/ca-ab/ab.nothing").status_code == 404
