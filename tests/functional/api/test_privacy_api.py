"""/api privacy over HTTP: bad input named (422) and nothing written, the whole access flow to the PDF,
refusals (release before approval 409, approval by the preparer 403), and a legal hold in the purge."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_access_request_over_http(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    person = make_person(container)
    body = {
        "person_id": str(person),
        "kind": "access",
        "jurisdiction": "ca-ab",
        "received_on": "2026-03-02",
        "details": "All of it",
    }
    with api_client(container, officer) as client:
        bad = client.post("/api/privacy/requests", json=body | {"jurisdiction": "ca-qc"})
        assert (bad.status_code, bad.json()["field"]) == (422, "jurisdiction")
        late = client.post("/api/privacy/requests", json=body | {"received_on": "2026-03-03"})
        assert (late.status_code, late.json()["field"]) == (422, "received_on")
        assert client.get("/api/privacy/requests").json() == []
        made = client.post("/api/privacy/requests", json=body)
        assert made.status_code == 201, made.text
        rid = made.json()["id"]
        assert made.json()["due_on"] == "2026-04-01"
        assert client.post(f"/api/privacy/requests/{rid}/assemble").status_code == 200
        assert client.post(f"/api/privacy/requests/{rid}/release").status_code == 409
        assert client.post(f"/api/privacy/requests/{rid}/approve").status_code == 403  # officers do not
        bad_fmt = client.get(f"/api/privacy/requests/{rid}/released.exe")
        assert bad_fmt.status_code == 422
    with api_client(container, supervisor) as client:
        assert client.post(f"/api/privacy/requests/{rid}/approve").status_code == 200
    with api_client(container, officer) as client:
        released = client.post(f"/api/privacy/requests/{rid}/release")
        assert released.json()["status"] == "released" and released.json()["on_time"] is True
        pdf = client.get(f"/api/privacy/requests/{rid}/released.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert pdf.headers["content-type"] == "application/pdf"
        assert client.get(f"/api/people/{person}/privacy-requests").json()[0]["status"] == "released"


def test_holds_and_purge_belong_to_the_privacy_office(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    privacy_office = make_worker(container, Role.PRIVACY, office=office)
    person = make_person(container)
    hold = {"person_id": str(person), "reason": "litigation"}
    with api_client(container, officer) as client:
        assert client.post("/api/privacy/holds", json=hold).status_code == 403
        assert client.post("/api/privacy/purge").status_code == 403
    with api_client(container, privacy_office) as client:
        assert client.post("/api/privacy/holds", json=hold | {"reason": " "}).status_code == 422
        assert client.post("/api/privacy/holds", json=hold).status_code == 201
        report = client.post("/api/privacy/purge").json()
        assert report["applied"] is False
        assert {f["person_id"]: f["disposition"] for f in report["files"]}[str(person)] == "kept"
        assert len(client.get("/api/privacy/holds").json()) == 1


def test_a_breach_over_http_from_report_to_close(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    privacy_office = make_worker(container, Role.PRIVACY, office=office)
    person = make_person(container)
    body = {
        "kind": "unauthorised_access",
        "jurisdiction": "ca-nl",
        "discovered_on": "2026-03-02",
        "description": "A file opened with no case reason",
        "person_id": str(person),
    }
    factors = {
        "information": "Your income and your address.",
        "sensitivity": "high",
        "people_affected": 1,
        "likelihood": "medium",
        "containment": "partial",
        "containment_steps": "The staff member's access was removed.",
        "harm": "Someone could use the address.",
    }
    with api_client(container, officer) as client:
        late = client.post("/api/privacy/breaches", json=body | {"discovered_on": "2026-03-03"})
        assert (late.status_code, late.json()["field"]) == (422, "discovered_on")
        assert client.get("/api/privacy/breaches").json() == []
        made = client.post("/api/privacy/breaches", json=body)
        assert made.status_code == 201, made.text
        bid = made.json()["id"]
        assert client.post(f"/api/privacy/breaches/{bid}/assessment", json=factors).status_code == 403
    with api_client(container, privacy_office) as client:
        none = client.post(f"/api/privacy/breaches/{bid}/assessment", json=factors | {"people_affected": 0})
        assert none.status_code == 422
        assessed = client.post(f"/api/privacy/breaches/{bid}/assessment", json=factors)
        assert assessed.json()["risk"] == "high"
        assert client.post(f"/api/privacy/breaches/{bid}/close", json={"outcome": "x"}).status_code == 409
        assert client.post(f"/api/privacy/breaches/{bid}/notify?version=1").status_code == 409  # stale
        assert client.post(f"/api/privacy/breaches/{bid}/notify").json()["status"] == "notified"
        pdf = client.get(f"/api/privacy/breaches/{bid}/office-letter.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        step = client.post(
            f"/api/privacy/breaches/{bid}/actions", json={"what": "Audit the account", "due_on": "2026-03-09"}
        ).json()["actions"][0]["id"]
        assert (
            client.post(f"/api/privacy/breach-actions/{step}/done", json={"note": "Done"}).status_code == 200
        )
        closed = client.post(f"/api/privacy/breaches/{bid}/close", json={"outcome": "Access reviewed"})
        assert closed.json()["status"] == "closed"
