"""Sponsors, projects and inquiries over HTTP: the refusals map to their statuses (signing before
approval 409, an instalment over the funding 422 on `amount`, a disclosure without consent 422 on
`disclose`, an officer approving 403) and amounts travel as decimal strings."""

from __future__ import annotations

from onestop.access import Role
from onestop.bootstrap import Container
from tests.integration.cases.factories import api_client, make_office, make_person, make_worker


def test_partners_over_http(container: Container) -> None:
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    person = make_person(container)
    with api_client(container, officer) as client:
        sponsor = client.post("/api/sponsors", json={"name": "Harbour Youth Works", "kind": "community"})
        assert sponsor.status_code == 201, sponsor.text
        proposal = {
            "sponsor_id": sponsor.json()["id"],
            "title": "Boat building",
            "activities": "Dories",
            "participants_wanted": 4,
            "funding_asked": "30000.00",
            "starts_on": "2026-02-02",
            "ends_on": "2026-06-30",
        }
        bad = client.post("/api/projects", json=proposal | {"funding_asked": "12.345"})
        assert (bad.status_code, bad.json()["field"]) == (422, "funding_asked")
        project = client.post("/api/projects", json=proposal).json()
        base = f"/api/projects/{project['id']}"
        assert client.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 403
        assert client.post(f"{base}/recommend", json={"recommendation": "Yes"}).status_code == 200
        assert client.post(f"{base}/approve", json={}).status_code == 403
    with api_client(container, supervisor) as boss:
        assert boss.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 409
        approved = boss.post(f"{base}/approve", json={})
        assert approved.status_code == 200 and approved.json()["committed_cents"] == 3_000_000
        assert boss.post(f"{base}/sign", json={"signed_on": "2026-02-02"}).status_code == 200
    with api_client(container, officer) as client:
        over = client.post(f"{base}/instalments", json={"amount": "30000.01", "paid_on": "2026-02-10"})
        assert (over.status_code, over.json()["field"]) == (422, "amount")
        paid = client.post(f"{base}/instalments", json={"amount": "10000.00", "paid_on": "2026-02-10"})
        assert paid.status_code == 200 and paid.json()["paid_cents"] == 1_000_000
        inquiry = client.post(
            "/api/inquiries",
            json={
                "person_id": str(person),
                "member_name": "Hon. Pam Parsons",
                "asked_by": "Assistant",
                "on_behalf_of": "The client",
                "question": "Why?",
                "received_on": "2026-03-01",
            },
        )
        assert inquiry.status_code == 201, inquiry.text
        answer = {"answer": "Held for a T4.", "disclose": True, "answered_on": "2026-03-02"}
        refused = client.post(f"/api/inquiries/{inquiry.json()['id']}/answer", json=answer)
        assert (refused.status_code, refused.json()["field"]) == (422, "disclose")
        assert [i["id"] for i in client.get(f"/api/people/{person}/inquiries").json()] == [
            inquiry.json()["id"]
        ]
